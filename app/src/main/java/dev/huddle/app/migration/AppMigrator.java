package dev.huddle.app.migration;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTarget;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The app's one {@link Migrator}, shared by the boot migration and /health so that the app plans its scripts once per
 * process instead of once per user. It cannot be a bean of its own: it needs the DataSource, and the boot migration
 * runs while the DataSource bean is still being created.
 */
@Singleton
public class AppMigrator {
    private final Migrations migrations;
    private final DatabaseTarget target;
    private final Map<DataSource, Migrator> migrators = new IdentityHashMap<>();

    public AppMigrator(Migrations migrations, DatabaseTarget target) {
        this.migrations = migrations;
        this.target = target;
    }

    /**
     * The migrator over this DataSource, made on first use and kept: the app has one, so it plans once. Micronaut Data
     * hands beans the pool wrapped so that connections follow its transactions; migrations manage their own, on the pool.
     */
    public synchronized Migrator against(DataSource dataSource) {
        return migrators.computeIfAbsent(DelegatingDataSource.unwrapDataSource(dataSource),
                each -> migrations.against(each, target.toString()));
    }
}
