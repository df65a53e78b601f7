package dev.huddle.app.migration;

import dev.huddle.migration.Migrations;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The app's view of every module on its class path, plus any configured modules folder. */
@Factory
public class MigrationsFactory {

    @Singleton
    public Migrations migrations(MigrationConfiguration configuration) {
        Migrations migrations = Migrations.discover().withLockTimeout(configuration.getLockTimeout())
                .withTransactionPerMigration(configuration.isTransactionPerMigration())
                .withHistorySchema(configuration.getHistorySchema());
        return configuration.getModulesDir() == null ? migrations : migrations.withModulesFrom(configuration.getModulesDir());
    }
}
