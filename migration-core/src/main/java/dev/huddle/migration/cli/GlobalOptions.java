package dev.huddle.migration.cli;

import dev.huddle.migration.Migrations;
import dev.huddle.migration.Migrator;
import dev.huddle.migration.cli.CommandSpec.Option;
import dev.huddle.migration.connect.ConnectFailures;
import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseTargets;
import dev.huddle.migration.failure.UsageException;
import dev.huddle.migration.log.MigrationLogLine;
import dev.huddle.migration.settings.Durations;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Options every command takes, before or after the command name. */
final class GlobalOptions {
    static final List<Option> OPTIONS = List.of(
            Option.value("--url", "URL",
                    "Database URL (wins over DATABASE_URL and POSTGRES_*): " + DatabaseTargets.ACCEPTED_FORMS + "."),
            Option.value("--modules-dir", "DIR",
                    "Also load modules from DIR: each subfolder DIR/<module>/ with up scripts (V<version>__<name>.sql) in "
                            + "postgresql/ and sqlite/, their down scripts (U<version>__<name>.sql) in down/postgresql/ and "
                            + "down/sqlite/; hidden folders are ignored."),
            Option.repeatable("--modules", "NAME[,NAME...]", "Limit the command to these modules (comma-separated)."),
            Option.value("--lock-timeout", "DURATION",
                    "How long to wait for another runner's migration lock: 5 (seconds), 500ms, 5s, 2m (default: "
                            + Durations.describe(Migrations.DEFAULT_LOCK_TIMEOUT) + ")."),
            Option.value("--history-schema", "SCHEMA",
                    "PostgreSQL schema of the history table (default: the connection's current schema at start)."),
            Option.flag("--transaction-per-migration",
                    "Commit after each migration instead of once per run (shorter locks; a failure keeps earlier ones)."),
            Option.value("--project-dir", "DIR", "The source checkout whose module scripts are read and written, with no "
                    + "build in between (default: found from the current folder upward; none: the scripts packed in the jar)."),
            Option.value("--tenants", "FILE", "Run the command for every tenant in FILE (database URLs, or PostgreSQL schema "
                    + "names in --url's database); a rerun resumes after a failure."),
            Option.value("--parallel", "N", "With --tenants, how many tenants run at once (1 to " + TenantRunner.MAX_PARALLELISM
                    + ", default " + TenantRunner.PARALLELISM + ")."));

    private final String url;
    private final String modulesDir;
    private final List<String> modules = new ArrayList<>();
    private final Duration lockTimeout;
    private final boolean transactionPerMigration;
    private final String historySchema;
    private final ScriptSources scripts;
    private final Map<String, String> environment;

    /** {@code environment} is where the connection is found without {@code --url}; tests pass their own. */
    GlobalOptions(ParsedArguments arguments, Map<String, String> environment) {
        url = arguments.value("--url");
        if (url != null && url.isBlank()) {
            // Most often "--url $DATABASE_URL" with the variable unset: falling back to another database would be a guess.
            throw new UsageException("--url is empty (an unset variable?).", "Give the database URL, or leave --url out to use "
                    + "DATABASE_URL, POSTGRES_* or " + DatabaseTargets.DEFAULT_SQLITE_FILE + ".");
        }
        modulesDir = arguments.value("--modules-dir");
        for (String names : arguments.values("--modules")) {
            for (String name : names.split(",", -1)) {
                if (name.isBlank()) {
                    throw new UsageException("--modules '" + names + "' holds an empty module name.",
                            "Separate module names with single commas: --modules a,b.");
                }
                modules.add(name.strip());
            }
        }
        String lockTimeoutText = arguments.value("--lock-timeout");
        lockTimeout = lockTimeoutText == null ? Migrations.DEFAULT_LOCK_TIMEOUT : Durations.parse("--lock-timeout", lockTimeoutText);
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

    /** The structured log lines for migrations, on {@code err}; written only when the environment asks for JSON. */
    JsonLogLines jsonLog(PrintWriter err) {
        return new JsonLogLines(err, MigrationLogLine.jsonRequested(environment));
    }

    /** The modules, found when a command first needs them: after a command against a database has started connecting. */
    Migrations migrations() {
        Migrations migrations = Migrations.foundBy(scripts::modules);
        if (modulesDir != null) {
            migrations = migrations.withModulesFrom(Path.of(modulesDir));
        }
        return migrations.onlyModules(modules).withLockTimeout(lockTimeout)
                .withTransactionPerMigration(transactionPerMigration).withHistorySchema(historySchema);
    }

    /** The migrator for {@code up}, which may create the SQLite file it names, and for the commands that only read. */
    Migrator migrator() {
        return migrations().against(target());
    }

    /**
     * The migrator for a command that undoes or repairs (down, redo, repair): a SQLite file that does not exist is
     * reported, never created with its folder as connecting would. (status, validate and a dry run read an empty history
     * instead, see {@link Migrator}.)
     */
    Migrator migratorOfExistingDatabase() {
        Migrations migrations = migrations();
        DatabaseTarget target = target();
        if (createsNewDatabase(target)) {
            // A refused plan is the first thing to fix, as it would be with the database there.
            migrations.checkedPlan(target.dialect());
            throw ConnectFailures.missingSqliteFile(target.sqliteFile());
        }
        return migrations.against(target);
    }

    /** Whether connecting to the target creates its database: a SQLite file that does not exist yet. */
    static boolean createsNewDatabase(DatabaseTarget target) {
        return DatabaseTarget.isNotYetCreated(target.sqliteFile());
    }
}
