package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseUnreachableException;
import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.connect.SqliteWritability;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.execute.MigrationExecutor;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.execute.RepairRequest;
import dev.huddle.migration.execute.RollbackExecutor;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.lint.MigrationLinter;
import dev.huddle.migration.lock.MigrationLock;
import dev.huddle.migration.lock.MigrationLocks;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackPlanner;
import dev.huddle.migration.plan.RollbackRequest;
import dev.huddle.migration.status.InconsistentHistoryException;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The commands against one database: {@link #up}, {@link #down}, {@link #redo}, {@link #status}, {@link #validate},
 * and for dry runs, {@link #pending} and {@link #planDown}, which only read.
 */
public final class Migrator {
    private final Migrations migrations;
    private final DataSource dataSource;
    private final DatabaseTarget target;
    private Dialect dialect;
    private MigrationPlan plan;
    private MigrationPlan planToApply;
    private final String description;

    Migrator(Migrations migrations, DataSource dataSource, Dialect dialect, DatabaseTarget target, String description) {
        this.migrations = migrations;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.target = target;
        this.description = description;
    }

    /** Applies every pending migration in plan order. */
    public UpResult up() {
        return up(null);
    }

    /**
     * Applies pending migrations in plan order, up to and including {@code targetVersion} (all when null), after
     * checking the history against the scripts. Holds the migration lock throughout, so concurrent runners apply
     * each migration once: the later ones find the work done.
     *
     * @throws InconsistentHistoryException when the history disagrees with the scripts; nothing is applied
     */
    public UpResult up(String targetVersion) {
        Supplier<List<AppliedMigration>> historyRead = historyReadAlongside(planToApplyBuilt());
        MigrationPlan plan = planToApply();
        checkTarget(plan, targetVersion);
        // Every checksum is needed, to compare with its history row or to write a new one: computed while the history
        // is still on its way.
        plan.migrations().forEach(ResolvedScript::checksum);
        // Nothing pending is the common case at every start, answered without the lock: a concurrent run commits all its
        // history rows at once, so this read sees none of them (and the locked path below checks again) or all.
        List<AppliedMigration> history = historyRead.get();
        if (ValidationReport.of(plan, history).isClean() && pendingUpTo(plan, history, targetVersion).isEmpty()) {
            return new UpResult(List.of());
        }
        try (MigrationLock.Held ignored = lock()) {
            return upHoldingLock(plan, targetVersion);
        }
    }

    private static List<ResolvedScript> pendingUpTo(MigrationPlan plan, List<AppliedMigration> history, String targetVersion) {
        Set<String> applied = history.stream().map(AppliedMigration::version).collect(Collectors.toSet());
        return plan.migrations().stream()
                .filter(script -> !applied.contains(script.version()))
                .filter(script -> targetVersion == null || script.version().compareTo(targetVersion) <= 0)
                .toList();
    }

    private UpResult upHoldingLock(MigrationPlan plan, String targetVersion) {
        List<AppliedMigration> history = history();
        ValidationReport report = ValidationReport.of(plan, history);
        if (!report.isClean()) {
            throw new InconsistentHistoryException(report, report.blockingUp());
        }
        planner().refuseBrokenScripts(pendingUpTo(plan, history, targetVersion));
        return executor().up(plan, history.stream().map(AppliedMigration::version).collect(Collectors.toSet()), targetVersion);
    }

    private MigrationExecutor executor() {
        return new MigrationExecutor(dataSource, dialect(), migrations.transactionPerMigration());
    }

    /**
     * The migrations {@code up(targetVersion)} would apply, in order; reads the history but never creates it.
     */
    public List<ResolvedScript> pending(String targetVersion) {
        MigrationPlan plan = planToApply();
        checkTarget(plan, targetVersion);
        List<AppliedMigration> history = history();
        ValidationReport report = ValidationReport.of(plan, history);
        if (!report.isClean()) {
            throw new InconsistentHistoryException(report, report.blockingUp());
        }
        List<ResolvedScript> pending = pendingUpTo(plan, history, targetVersion);
        planner().refuseBrokenScripts(pending);
        return pending;
    }

    private MigrationPlanner planner() {
        return new MigrationPlanner(migrations.modules());
    }

    /** What {@code down(request)} would revert, newest first, after the same checks; changes nothing. */
    public RollbackPlan planDown(RollbackRequest request) {
        MigrationPlan plan = plan();
        List<AppliedMigration> history = history();
        ValidationReport report = ValidationReport.of(plan, history);
        if (!report.isTrustworthy()) {
            throw new InconsistentHistoryException(report, report.problems());
        }
        return new RollbackPlanner(plan, migrations.onlyModules(List.of()).plan(dialect())).plan(request, history);
    }

    /**
     * Reverts applied migrations, newest first; each step's down script and history row change in one transaction.
     *
     * @throws RollbackRefusedException  before anything runs, when a step is irreversible or a dependent module needs it
     * @throws MigrationFailedException  when a down script fails; that step changed nothing
     */
    public List<AppliedStep> down(RollbackRequest request) {
        try (MigrationLock.Held ignored = lock()) {
            return new RollbackExecutor(dataSource).down(planDown(request), dialect());
        }
    }

    /** Reverts the last applied migration of the selected modules and applies it again. */
    public RedoResult redo() {
        try (MigrationLock.Held ignored = lock()) {
            RollbackPlan rollback = planDown(RollbackRequest.last());
            if (rollback.isEmpty()) {
                return new RedoResult(List.of(), new UpResult(List.of()));
            }
            List<AppliedStep> reverted = new RollbackExecutor(dataSource).down(rollback, dialect());
            // Exactly the migration just reverted, wherever it stood in the order: redo restores what was there.
            MigrationPlan plan = plan();
            MigrationPlan again = new MigrationPlan(plan.dialect(), plan.modules(), List.of(rollback.steps().get(0).migration()),
                    List.of(), plan.inMemoryTables(), plan.dependencies());
            return new RedoResult(reverted, executor().up(again, Set.of(), null));
        }
    }

    /**
     * Applies the repairs a person asked for, all in one transaction: accepts the current checksum of edited applied
     * migrations and removes failed rows. Refuses, changing nothing, any version that needs no such repair.
     */
    public List<String> repair(RepairRequest request) {
        MigrationPlan plan = plan();
        try (MigrationLock.Held ignored = lock(); Connection connection = open()) {
            Map<String, AppliedMigration> rows = new HashMap<>();
            HistoryTable.read(connection).forEach(row -> rows.put(row.version(), row));
            List<String> done = new ArrayList<>();
            connection.setAutoCommit(false);
            try {
                for (String version : request.acceptChecksums()) {
                    AppliedMigration row = rows.get(version);
                    ResolvedScript script = plan.find(version).orElse(null);
                    if (row == null || !row.success() || script == null || Objects.equals(row.checksum(), script.checksum())) {
                        throw new IllegalArgumentException("--accept-checksum " + version + ": no applied migration with that version "
                                + "has a checksum that differs from its script. Run repair without options to see what needs repair.");
                    }
                    HistoryTable.updateChecksum(connection, version, script.checksum());
                    done.add("accepted the edited " + script.script() + " (checksum " + row.checksum() + " -> " + script.checksum() + ")");
                }
                for (String version : request.removeFailed()) {
                    AppliedMigration row = rows.get(version);
                    if (row == null || row.success()) {
                        throw new IllegalArgumentException("--remove-failed " + version + ": the history has no failed row with that version.");
                    }
                    HistoryTable.deleteFailed(connection, version);
                    done.add("removed the failed row of " + row.script());
                }
                connection.commit();
                return done;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Repair failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Every migration with its state in this database. */
    public StatusReport status() {
        Supplier<List<AppliedMigration>> historyRead = historyReadAlongside(planBuilt());
        MigrationPlan plan = plan();
        List<AppliedMigration> history = historyRead.get();
        planner().refuseBrokenScripts(pendingUpTo(plan, history, null));
        return StatusReport.of(plan, history, describeDatabase());
    }

    /**
     * Every planning check on every script of both dialects, plus the history compared with the scripts; clean when
     * nothing needs a person.
     */
    public ValidationReport validate() {
        MigrationPlan plan = migrations.plan(dialect());
        return ValidationReport.of(plan, history());
    }

    /** Lint findings of every PostgreSQL up script of the selected modules, whatever this database's dialect. */
    public List<LintFinding> lint() {
        return MigrationLinter.lint(migrations.plan(Dialect.POSTGRESQL).migrations());
    }

    /** The checked plan for this database's dialect, built once: scripts do not change while a process runs. */
    public synchronized MigrationPlan plan() {
        if (plan == null) {
            plan = migrations.planToRun(dialect());
        }
        return plan;
    }

    private synchronized boolean planBuilt() {
        return plan != null;
    }

    private synchronized boolean planToApplyBuilt() {
        return plan != null || planToApply != null;
    }

    /**
     * The plan {@code up} applies, without down scripts: the full {@link #plan} when it is built already, else one made
     * once for applying, which skips what a start with nothing to apply would read for nothing.
     */
    private synchronized MigrationPlan planToApply() {
        if (plan != null) {
            return plan;
        }
        if (planToApply == null) {
            planToApply = migrations.planToApply(dialect());
        }
        return planToApply;
    }

    private static void checkTarget(MigrationPlan plan, String targetVersion) {
        if (targetVersion != null && plan.find(targetVersion).isEmpty()) {
            throw new IllegalArgumentException("--target " + targetVersion + " names no migration of the selected modules. "
                    + "Run status to see the versions.");
        }
    }

    /**
     * Takes this database's migration lock, then makes sure a SQLite file can be written at all. The probe writes, so
     * it runs only under the lock: outside it, it could stall another runner's migration.
     */
    private MigrationLock.Held lock() {
        String url;
        try (Connection connection = open()) {
            url = connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw unreachable(e);
        }
        MigrationLock.Held held = MigrationLocks.forDatabase(dialect(), dataSource, url, describeDatabase()).acquire(migrations.lockTimeout());
        if (dialect() == Dialect.SQLITE) {
            try (Connection connection = open()) {
                SqliteWritability.check(connection, describeDatabase());
            } catch (SQLException | RuntimeException e) {
                held.close();
                throw e instanceof SQLException sql ? unreachable(sql) : (RuntimeException) e;
            }
        }
        return held;
    }

    private Dialect dialect() {
        if (dialect == null) {
            try (Connection connection = open()) {
                String product = connection.getMetaData().getDatabaseProductName();
                dialect = Dialect.ofProductName(product)
                        .orElseThrow(() -> new IllegalStateException("Huddle has no scripts for " + product + "."));
            } catch (SQLException e) {
                throw unreachable(e);
            }
        }
        return dialect;
    }

    /**
     * Starts reading the history on a thread of its own while the caller plans: at a cold start the connection and
     * the planning take about as long as each other, and reading changes nothing. If planning refuses, the read's
     * result is dropped. Not when the plan is built already (the app's /health asks for status again and again), nor
     * for a SQLite file that does not exist yet: connecting would create it even when planning then refuses.
     */
    private Supplier<List<AppliedMigration>> historyReadAlongside(boolean planned) {
        if (planned || (dialect() == Dialect.SQLITE && !sqliteFileExists())) {
            return this::history;
        }
        FutureTask<List<AppliedMigration>> read = new FutureTask<>(this::history);
        Thread thread = new Thread(read, "huddle-history-read");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return read.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading " + HistoryTable.NAME, e);
            }
        };
    }

    /** Whether the SQLite database is a file already there; a pooled DataSource's always is, the app made it. */
    private boolean sqliteFileExists() {
        if (target == null) {
            return true;
        }
        Path file = target.sqliteFile();
        return file != null && Files.isRegularFile(file);
    }

    private List<AppliedMigration> history() {
        try (Connection connection = open()) {
            return HistoryTable.read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + HistoryTable.NAME + ": " + e.getMessage(), e);
        }
    }

    private Connection open() {
        if (target != null) {
            return target.connect();
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Names the database and the deepest cause: a pool's "timed out" hides the driver's "connection refused". */
    private DatabaseUnreachableException unreachable(SQLException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String password = target == null ? null : target.password();
        String why = Secrets.quote(e.getMessage(), password);
        if (root != e && root.getMessage() != null) {
            why += " (" + Secrets.quote(root.getMessage(), password) + ")";
        }
        return new DatabaseUnreachableException("Cannot connect to " + describeDatabase() + ": " + why + ".", e);
    }

    private String describeDatabase() {
        return description;
    }
}
