package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Options every command takes, before or after the command name. */
final class GlobalOptions {
    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Database URL (wins over DATABASE_URL and POSTGRES_*): " + DatabaseTargets.ACCEPTED_FORMS + ".")
    String url;

    @Option(names = "--modules-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Also load modules from DIR: each subfolder DIR/<module>/ with postgresql/ and sqlite/ scripts.")
    Path modulesDir;

    @Option(names = "--modules", scope = ScopeType.INHERIT, split = ",", paramLabel = "NAME",
            description = "Limit the command to these modules (comma-separated).")
    List<String> modules = new ArrayList<>();

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another runner's migration lock (default: ${DEFAULT-VALUE} s).")
    long lockTimeoutSeconds;

    @Option(names = "--transaction-per-migration", scope = ScopeType.INHERIT,
            description = "Commit after each migration instead of once per run (shorter locks; a failure keeps earlier ones).")
    boolean transactionPerMigration;

    /** Set by the entry point; tests pass their own map. */
    Map<String, String> environment = System.getenv();

    DatabaseTarget target() {
        return DatabaseTargets.resolve(url, environment);
    }

    Migrations migrations() {
        Migrations migrations = Migrations.discover();
        if (modulesDir != null) {
            migrations = migrations.withModulesFrom(modulesDir);
        }
        return migrations.onlyModules(modules).withLockTimeout(Duration.ofSeconds(lockTimeoutSeconds))
                .withTransactionPerMigration(transactionPerMigration);
    }

    Migrator migrator() {
        return migrations().against(target());
    }
}
