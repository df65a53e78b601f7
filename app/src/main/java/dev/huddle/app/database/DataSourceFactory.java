package dev.huddle.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The pooled DataSource. It is created at start-up ({@link Context}), so the boot migration listener runs before
 * the server accepts a request. The pool wraps the driver's own DataSource, so the password never sits in a URL
 * that the pool could log.
 */
@Factory
public class DataSourceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DataSourceFactory.class);

    /** The database the app uses: from huddle.database.url, else the environment, else the SQLite default. */
    @Singleton
    public DatabaseTarget databaseTarget(DatabaseConfiguration configuration) {
        DatabaseTarget target = DatabaseTargets.resolve(configuration.getUrl(), System.getenv());
        LOG.info("Database: {} ({})", target, target.dialect().folderName());
        return target;
    }

    @Context
    @Named("default")
    @Bean(preDestroy = "close")
    public HikariDataSource dataSource(DatabaseTarget target, DatabaseConfiguration configuration) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("huddle");
        hikari.setDataSource(target.dataSource());
        hikari.setMaximumPoolSize(configuration.getMaximumPoolSize());
        // Start without a connection: an unreachable database is retried, then reported, by the boot migration.
        hikari.setInitializationFailTimeout(-1);
        // How long a caller waits for a connection; the boot retry decides how many attempts there are.
        hikari.setConnectionTimeout(configuration.getConnectionTimeout().toMillis());
        return new HikariDataSource(hikari);
    }
}
