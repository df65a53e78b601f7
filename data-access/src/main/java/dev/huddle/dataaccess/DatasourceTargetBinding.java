package dev.huddle.dataaccess;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;

/**
 * Points {@code datasources.default} at the {@link DatabaseTarget}: its URL (which holds no secret, so pool and health
 * output may show it) and the driver DataSource migration-core builds for it, which carries the user, password and
 * secret parameters as connection properties (a pool given a user would pass the password itself), PostgreSQL's network timeouts, and SQLite's owner-only file,
 * enforced foreign keys and busy timeout. The pool settings stay Micronaut's ({@code datasources.default.*}).
 * It runs before the configuration's own initialization, which would otherwise demand a URL.
 */
@Singleton
public class DatasourceTargetBinding implements BeanInitializedEventListener<DatasourceConfiguration> {
    private static final String DEFAULT = "default";
    /** As the SQLite schemas' defaults write times, with the offset spelled out ('Z' in a UTC process). */
    static final String SQLITE_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private final BeanProvider<DatabaseTarget> target;

    public DatasourceTargetBinding(BeanProvider<DatabaseTarget> target) {
        this.target = target;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        if (!DEFAULT.equals(configuration.getName())) {
            return configuration;
        }
        DatabaseTarget database = target.get();
        configuration.setUrl(database.jdbcUrl());
        configuration.setDataSource(driverDataSource(database));
        return configuration;
    }

    private static DataSource driverDataSource(DatabaseTarget database) {
        if (database.dialect() == Dialect.POSTGRESQL) {
            return untypedStrings(database).dataSource();
        }
        DataSource driver = database.dataSource();
        // The SQLite schemas keep times as ISO-8601 text (their defaults write '...T...Z'); the driver would otherwise
        // write milliseconds, which a TEXT column stores as digits that no timestamp read can parse back.
        SQLiteConfig config = ((SQLiteDataSource) driver).getConfig();
        config.setDateClass(SQLiteConfig.DateClass.TEXT.getValue());
        config.setDateStringFormat(SQLITE_TIME_FORMAT);
        // Write-ahead logging: readers no longer wait for the one writer (every signed request records a nonce), and a
        // commit appends to the log instead of rewriting a rollback journal. With it, synchronous=NORMAL syncs at
        // checkpoints rather than at every commit: a committed write survives the app crashing, and only an operating
        // system crash or power loss can take the last commits back.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return new ReadOnlyIgnoringDataSource(driver);
    }

    /**
     * The repositories' pool sends strings untyped ({@code stringtype=unspecified}), so PostgreSQL casts a text value
     * to the column's uuid, timestamptz, jsonb or enum type: the meetings repositories bind those values as text on
     * both engines. Only the pool gets it; the migrator keeps the target as given.
     */
    private static DatabaseTarget untypedStrings(DatabaseTarget database) {
        String url = database.jdbcUrl();
        if (url.contains("stringtype=")) {
            return database;
        }
        return new DatabaseTarget(database.dialect(), url + (url.contains("?") ? "&" : "?") + "stringtype=unspecified",
                database.user(), database.password(), database.secretParameters(), database.sqliteBusyTimeout());
    }
}
