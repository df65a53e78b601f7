package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Options every command takes, before or after the command name. */
final class GlobalOptions {
    private static final long DEFAULT_LOCK_TIMEOUT_SECONDS = Migrations.DEFAULT_LOCK_TIMEOUT.toSeconds();

    static final List<Option> OPTIONS = List.of(
            Option.value("--url", "URL",
                    "Database URL (wins over DATABASE_URL and POSTGRES_*): " + DatabaseTargets.ACCEPTED_FORMS + "."),
            Option.value("--modules-dir", "DIR",
                    "Also load modules from DIR: each subfolder DIR/<module>/ with postgresql/ and sqlite/ scripts."),
            Option.repeatable("--modules", "NAME[,NAME...]", "Limit the command to these modules (comma-separated)."),
            Option.value("--lock-timeout", "SECONDS",
                    "How long to wait for another runner's migration lock (default: " + DEFAULT_LOCK_TIMEOUT_SECONDS + " s)."),
            Option.value("--history-schema", "SCHEMA",
                    "PostgreSQL schema of the history table (default: the connection's current schema at start)."),
            Option.flag("--transaction-per-migration",
                    "Commit after each migration instead of once per run (shorter locks; a failure keeps earlier ones)."),
            Option.value("--project-dir", "DIR", "The source checkout whose module scripts are read and written, with no "
                    + "build in between (default: found from the current folder upward; none: the scripts packed in the jar)."),
            Option.value("--tenants", "FILE", "Run the command for every tenant in FILE (database URLs, or PostgreSQL schema "
                    + "names in --url's database), " + TenantRunner.PARALLELISM + " at a time; a rerun resumes after a failure."));

    private final String url;
    private final String modulesDir;
    private final List<String> modules = new ArrayList<>();
    private final long lockTimeoutSeconds;
    private final boolean transactionPerMigration;
    private final String historySchema;
    private final ScriptSources scripts;
    private final Map<String, String> environment;

    /** {@code environment} is where the connection is found without {@code --url}; tests pass their own. */
    GlobalOptions(ParsedArguments arguments, Map<String, String> environment) {
        url = arguments.value("--url");
        modulesDir = arguments.value("--modules-dir");
        for (String names : arguments.values("--modules")) {
            modules.addAll(List.of(names.split(",")));
        }
        Integer lockTimeout = arguments.integer("--lock-timeout");
        lockTimeoutSeconds = lockTimeout == null ? DEFAULT_LOCK_TIMEOUT_SECONDS : lockTimeout;
        transactionPerMigration = arguments.flag("--transaction-per-migration");
        historySchema = arguments.value("--history-schema");
        scripts = new ScriptSources(arguments.value("--project-dir"), modulesDir);
        this.environment = environment;
    }

    DatabaseTarget target() {
        return DatabaseTargets.resolve(url, environment);
    }

    ScriptSources scripts() {
        return scripts;
    }

    Migrations migrations() {
        Migrations migrations = Migrations.of(scripts.modules());
        if (modulesDir != null) {
            migrations = migrations.withModulesFrom(Path.of(modulesDir));
        }
        return migrations.onlyModules(modules).withLockTimeout(Duration.ofSeconds(lockTimeoutSeconds))
                .withTransactionPerMigration(transactionPerMigration).withHistorySchema(historySchema);
    }

    Migrator migrator() {
        return migrations().against(target());
    }
}
