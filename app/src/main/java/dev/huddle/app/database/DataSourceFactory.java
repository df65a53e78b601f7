package dev.huddle.app.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
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

    @Context
    @Named("default")
    @Bean(preDestroy = "close")
    public HikariDataSource dataSource(DatabaseConfiguration configuration) {
        DatabaseTarget target = DatabaseTargets.resolve(configuration.getUrl(), System.getenv());
        LOG.info("Database: {} ({})", target, target.dialect().folderName());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("huddle");
        hikari.setDataSource(target.dataSource());
        hikari.setMaximumPoolSize(configuration.getMaximumPoolSize());
        // Start without a connection: an unreachable database is reported by the migration step, by name.
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }
}
