package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.discover.ModuleDescriptor;
import dev.huddle.migration.discover.ModuleDiscovery;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where Huddle's migration engine starts, for its three users: the app at boot
 * ({@code Migrations.discover().against(dataSource).up()}), a module's own tests
 * ({@code Migrations.discover().onlyModules(List.of("meetings")).against(dataSource).up()}), and the manual runner.
 * Immutable: each {@code with}/{@code only} returns a new value.
 */
public final class Migrations {
    /** How long a command waits for another runner to finish before giving up. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private final List<ModuleDescriptor> modules;
    private final List<String> selected;
    private final Duration lockTimeout;
    private final boolean transactionPerMigration;
    private final String historySchema;

    private Migrations(List<ModuleDescriptor> modules, List<String> selected, Duration lockTimeout, boolean transactionPerMigration,
                       String historySchema) {
        this.modules = List.copyOf(modules);
        this.selected = List.copyOf(selected);
        this.lockTimeout = lockTimeout;
        this.transactionPerMigration = transactionPerMigration;
        this.historySchema = historySchema;
    }

    /** Every module registered on the class path that loaded Huddle. */
    public static Migrations discover() {
        return new Migrations(ModuleDiscovery.onClasspath(Migrations.class.getClassLoader()), List.of(), DEFAULT_LOCK_TIMEOUT, false, null);
    }

    /** Exactly these modules, for tests and tools that build descriptors themselves. */
    public static Migrations of(List<ModuleDescriptor> modules) {
        return new Migrations(modules, List.of(), DEFAULT_LOCK_TIMEOUT, false, null);
    }

    /** Adds every module found in {@code dir} (one subfolder per module). */
    public Migrations withModulesFrom(Path dir) {
        List<ModuleDescriptor> all = new ArrayList<>(modules);
        all.addAll(ModuleDiscovery.inDirectory(dir));
        return new Migrations(all, selected, lockTimeout, transactionPerMigration, historySchema);
    }

    /** Limits every command to the named modules; an empty list means all. */
    public Migrations onlyModules(Collection<String> names) {
        return new Migrations(modules, List.copyOf(names), lockTimeout, transactionPerMigration, historySchema);
    }

    /** How long schema-changing commands wait for the migration lock that another runner holds. */
    public Migrations withLockTimeout(Duration timeout) {
        return new Migrations(modules, selected, timeout, transactionPerMigration, historySchema);
    }

    Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * Commits after each migration instead of once per {@code up}: shorter lock windows on a busy database, at the
     * price of a failure leaving the migrations before it applied.
     */
    public Migrations withTransactionPerMigration(boolean perMigration) {
        return new Migrations(modules, selected, lockTimeout, perMigration, historySchema);
    }

    boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    /**
     * Keeps the history table in this PostgreSQL schema (created if missing) instead of the connection's current schema
     * at start; null for the current schema. SQLite has one schema.
     */
    public Migrations withHistorySchema(String schema) {
        return new Migrations(modules, selected, lockTimeout, transactionPerMigration, schema == null || schema.isBlank() ? null : schema);
    }

    String historySchema() {
        return historySchema;
    }

    public List<ModuleDescriptor> modules() {
        return modules;
    }

    /**
     * The plan a command runs against a database of this dialect, checked by name and against the integrity manifests;
     * script texts and down scripts are read when asked for ({@link MigrationPlanner#plan}).
     */
    public MigrationPlan plan(Dialect dialect) {
        return new MigrationPlanner(modules).plan(dialect, selected);
    }

    /**
     * The plan with every script of every dialect read and checked, as {@code validate} and the build want it; refuses
     * broken scripts without touching any database.
     */
    public MigrationPlan checkedPlan(Dialect dialect) {
        return new MigrationPlanner(modules).checkedPlan(dialect, selected);
    }

    /**
     * The plan a rollback of {@code module} reads: every module, refused only for problems of that module and of the
     * modules that depend on it, whose applied migrations the rollback must check.
     */
    MigrationPlan planForRollbackOf(String module, Dialect dialect) {
        return new MigrationPlanner(modules).plan(dialect, selected, withDependents(module));
    }

    /** The module and every module that depends on it, directly or through others. */
    private Set<String> withDependents(String module) {
        Set<String> found = new LinkedHashSet<>(List.of(module));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ModuleDescriptor each : modules) {
                if (!found.contains(each.name()) && each.dependsOn().stream().anyMatch(found::contains)) {
                    found.add(each.name());
                    grew = true;
                }
            }
        }
        return found;
    }

    /** Commands against a database the caller pooled; its dialect is read from the first connection. */
    public Migrator against(DataSource dataSource) {
        return against(dataSource, "the configured data source");
    }

    /** As {@link #against(DataSource)}, naming the database in messages by {@code description} (never a password). */
    public Migrator against(DataSource dataSource, String description) {
        return new Migrator(this, dataSource, null, null, description);
    }

    /** Commands against a database named by URL; the plan is checked before any connection is opened. */
    public Migrator against(DatabaseTarget target) {
        return new Migrator(this, target.dataSource(lockTimeout), target.dialect(), target.withSqliteBusyTimeout(lockTimeout), target.toString());
    }
}
