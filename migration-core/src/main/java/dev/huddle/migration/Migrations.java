package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import dev.huddle.migration.session.SessionSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where Huddle's migration engine starts, for its three users: the app at boot
 * ({@code Migrations.discover().against(dataSource).up()}), a module's own tests
 * ({@code Migrations.discover().onlyModules(List.of("meetings")).against(dataSource).up()}), and the manual runner.
 * Immutable: each {@code with}/{@code only} returns a new value.
 *
 * <p>Modules are found when a command first needs them, not when this value is made: a command against a database URL
 * starts connecting first, so the driver loads and the server answers while the modules' scripts are listed.
 */
public final class Migrations {
    /** How long a command waits for another runner to finish before giving up. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final Supplier<List<ModuleDescriptor>> modules;
    private final List<String> selected;
    private final Duration lockTimeout;
    private final boolean transactionPerMigration;
    private final String historySchema;

    private Migrations(Supplier<List<ModuleDescriptor>> modules, List<String> selected, Duration lockTimeout, boolean transactionPerMigration,
                       String historySchema) {
        this.modules = FoundOnce.of(modules);
        this.selected = List.copyOf(selected);
        this.lockTimeout = lockTimeout;
        this.transactionPerMigration = transactionPerMigration;
        this.historySchema = historySchema;
    }

    /** Every module registered on the class path that loaded Huddle. */
    public static Migrations discover() {
        return foundBy(() -> ModuleDiscovery.onClasspath(Migrations.class.getClassLoader()));
    }

    /** Exactly these modules, for tests and tools that build descriptors themselves. */
    public static Migrations of(List<ModuleDescriptor> modules) {
        List<ModuleDescriptor> copy = List.copyOf(modules);
        return foundBy(() -> copy);
    }

    /** The modules {@code finder} finds, called once, when a command first needs them (the runner's source checkout). */
    public static Migrations foundBy(Supplier<List<ModuleDescriptor>> finder) {
        return new Migrations(finder, List.of(), DEFAULT_LOCK_TIMEOUT, false, null);
    }

    /** Adds every module found in {@code dir} (one subfolder per module). */
    public Migrations withModulesFrom(Path dir) {
        Supplier<List<ModuleDescriptor>> before = modules;
        return new Migrations(() -> {
            List<ModuleDescriptor> all = new ArrayList<>(before.get());
            all.addAll(ModuleDiscovery.inDirectory(dir));
            return all;
        }, selected, lockTimeout, transactionPerMigration, historySchema);
    }

    /** Limits every command to the named modules; an empty list means all. */
    public Migrations onlyModules(Collection<String> names) {
        return new Migrations(modules, List.copyOf(names), lockTimeout, transactionPerMigration, historySchema);
    }

    /** How long schema-changing commands wait for the migration lock that another runner holds. */
    public Migrations withLockTimeout(Duration timeout) {
        return new Migrations(modules, selected, timeout, transactionPerMigration, historySchema);
    }

    /**
     * Commits after each migration instead of once per {@code up}: shorter lock windows on a busy database, at the
     * price of a failure leaving the migrations before it applied.
     */
    public Migrations withTransactionPerMigration(boolean perMigration) {
        return new Migrations(modules, selected, lockTimeout, perMigration, historySchema);
    }

    /**
     * Keeps the history table in this PostgreSQL schema (created if missing) instead of the connection's current schema
     * at start; null for the current schema. SQLite has one schema.
     */
    public Migrations withHistorySchema(String schema) {
        return new Migrations(modules, selected, lockTimeout, transactionPerMigration, schema == null || schema.isBlank() ? null : schema);
    }

    public List<ModuleDescriptor> modules() {
        return modules.get();
    }

    /**
     * The plan a command runs against a database of this dialect, checked by name and against the integrity manifests;
     * script texts and down scripts are read when asked for ({@link MigrationPlanner#plan}).
     */
    public MigrationPlan plan(Dialect dialect) {
        return new MigrationPlanner(modules()).plan(dialect, selected);
    }

    /**
     * The plan with every script of every dialect read and checked, as {@code validate} and the build want it; refuses
     * broken scripts without touching any database.
     */
    public MigrationPlan checkedPlan(Dialect dialect) {
        return new MigrationPlanner(modules()).checkedPlan(dialect, selected);
    }

    /** Commands against a database the caller pooled; its dialect is read from the first connection. */
    public Migrator against(DataSource dataSource) {
        return against(dataSource, "the configured data source");
    }

    /** As {@link #against(DataSource)}, naming the database in messages by {@code description} (never a password). */
    public Migrator against(DataSource dataSource, String description) {
        return new Migrator(this::planner, selected, settings(), SessionSource.pooled(dataSource, description, historySchema));
    }

    /**
     * Commands against a database named by URL; the plan is checked before any connection is opened. On SQLite the lock
     * timeout also bounds each wait for another connection's write lock.
     */
    public Migrator against(DatabaseTarget target) {
        return new Migrator(this::planner, selected, settings(), SessionSource.of(target.withSqliteBusyTimeout(lockTimeout), historySchema));
    }

    private MigrationPlanner planner() {
        return new MigrationPlanner(modules());
    }

    private MigrationSettings settings() {
        return new MigrationSettings(lockTimeout, transactionPerMigration, historySchema);
    }

    /** A finder called at most once, whichever thread asks first; a failure is thrown to each caller that asks. */
    private static final class FoundOnce implements Supplier<List<ModuleDescriptor>> {
        private final Supplier<List<ModuleDescriptor>> finder;
        private List<ModuleDescriptor> found;

        private FoundOnce(Supplier<List<ModuleDescriptor>> finder) {
            this.finder = finder;
        }

        static Supplier<List<ModuleDescriptor>> of(Supplier<List<ModuleDescriptor>> finder) {
            return finder instanceof FoundOnce ? finder : new FoundOnce(finder);
        }

        @Override
        public synchronized List<ModuleDescriptor> get() {
            if (found == null) {
                found = List.copyOf(finder.get());
            }
            return found;
        }
    }
}
