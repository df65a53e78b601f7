package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.execute.MigrationExecutor;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.execute.RepairExecutor;
import dev.huddle.migration.execute.RepairRequest;
import dev.huddle.migration.execute.RollbackExecutor;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.failure.InconsistentHistoryException;
import dev.huddle.migration.failure.UnknownVersionException;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.lint.LintFinding;
import dev.huddle.migration.lint.MigrationLinter;
import dev.huddle.migration.lock.MigrationLock;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.MigrationPlanner;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackPlanner;
import dev.huddle.migration.plan.RollbackRequest;
import dev.huddle.migration.session.DatabaseSession;
import dev.huddle.migration.status.MigrationInfos;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The commands against one database: {@link #up}, {@link #down}, {@link #redo}, {@link #status}, {@link #validate},
 * {@link #repair}, and for dry runs, {@link #pending} and {@link #planDown}, which only read. Each command opens one
 * {@link DatabaseSession}, which takes the lock, reads the history and runs the scripts.
 */
public final class Migrator {
    private final Migrations migrations;
    private final DataSource dataSource;
    private final DatabaseTarget target;
    private final String description;
    private Dialect dialect;
    private MigrationPlan plan;

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
        try (Opening opening = openAlongside(planBuilt())) {
            MigrationPlan plan = plan();
            checkTarget(plan, targetVersion);
            // Every checksum is needed, to compare with its history row or to write a new one: computed while the history
            // is still on its way.
            plan.migrations().forEach(ResolvedScript::checksum);
            // Nothing pending is the common case at every start, answered without the lock: a concurrent run commits all
            // its history rows at once, so this read sees none of them (and the locked read below checks again) or all.
            MigrationInfos unlocked = MigrationInfos.join(plan, opening.history());
            if (ValidationReport.of(plan, unlocked).isClean() && unlocked.pendingUpTo(targetVersion).isEmpty()) {
                return new UpResult(List.of());
            }
            DatabaseSession session = opening.session();
            try (MigrationLock.Held ignored = session.lock(migrations.lockTimeout())) {
                List<ResolvedScript> pending = checkedPending(plan, session.readHistory(), targetVersion);
                return new MigrationExecutor(session, migrations.transactionPerMigration()).up(pending);
            }
        }
    }

    /** The scripts {@code up} would apply, after the history checks and the content rules every script to run must pass. */
    private List<ResolvedScript> checkedPending(MigrationPlan plan, List<AppliedMigration> history, String targetVersion) {
        MigrationInfos infos = MigrationInfos.join(plan, history);
        ValidationReport report = ValidationReport.of(plan, infos);
        if (!report.isClean()) {
            throw new InconsistentHistoryException(report, report.blockingUp());
        }
        List<ResolvedScript> pending = infos.pendingUpTo(targetVersion);
        planner().refuseBrokenScripts(pending);
        return pending;
    }

    /**
     * The migrations {@code up(targetVersion)} would apply, in order; reads the history but never creates it.
     */
    public List<ResolvedScript> pending(String targetVersion) {
        try (DatabaseSession session = openSession()) {
            MigrationPlan plan = plan();
            checkTarget(plan, targetVersion);
            return checkedPending(plan, session.readHistory(), targetVersion);
        }
    }

    private MigrationPlanner planner() {
        return new MigrationPlanner(migrations.modules());
    }

    /** What {@code down(request)} would revert, newest first, after the same checks; changes nothing. */
    public RollbackPlan planDown(RollbackRequest request) {
        try (DatabaseSession session = openSession()) {
            return planDown(request, session.readHistory());
        }
    }

    private RollbackPlan planDown(RollbackRequest request, List<AppliedMigration> history) {
        // A rollback of one module answers for that module and its dependents, not for a bad script elsewhere.
        MigrationPlan plan = request.module() == null ? plan() : migrations.planForRollbackOf(request.module(), dialect());
        ValidationReport report = ValidationReport.of(plan, MigrationInfos.join(plan, history));
        if (!report.isTrustworthy()) {
            throw new InconsistentHistoryException(report, report.problems());
        }
        MigrationPlan allModules = request.module() == null
                ? migrations.onlyModules(List.of()).plan(dialect())
                : migrations.onlyModules(List.of()).planForRollbackOf(request.module(), dialect());
        return new RollbackPlanner(plan, allModules).plan(request, history);
    }

    /**
     * Reverts applied migrations, newest first; each step's down script and history row change in one transaction.
     *
     * @throws dev.huddle.migration.failure.RollbackRefusedException before anything runs, when a step is irreversible or
     *                                                            a dependent module needs it
     * @throws dev.huddle.migration.failure.MigrationFailedException when a down script fails; that step changed nothing
     */
    public List<AppliedStep> down(RollbackRequest request) {
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(migrations.lockTimeout())) {
            return new RollbackExecutor(session).down(planDown(request, session.readHistory()));
        }
    }

    /** Reverts the last applied migration of the selected modules and applies it again. */
    public RedoResult redo() {
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(migrations.lockTimeout())) {
            RollbackPlan rollback = planDown(RollbackRequest.last(), session.readHistory());
            if (rollback.isEmpty()) {
                return new RedoResult(List.of(), new UpResult(List.of()));
            }
            List<AppliedStep> reverted = new RollbackExecutor(session).down(rollback);
            // Exactly the migration just reverted, wherever it stood in the order: redo restores what was there.
            UpResult reapplied = new MigrationExecutor(session, migrations.transactionPerMigration())
                    .up(List.of(rollback.steps().get(0).migration()));
            return new RedoResult(reverted, reapplied);
        }
    }

    /**
     * Applies the repairs a person asked for, all in one transaction: accepts the current checksum of edited applied
     * migrations and removes failed rows. Refuses, changing nothing, any version that needs no such repair.
     */
    public List<String> repair(RepairRequest request) {
        MigrationPlan plan = plan();
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(migrations.lockTimeout())) {
            return new RepairExecutor(session).repair(request, plan);
        }
    }

    /** Every migration with its state in this database. */
    public StatusReport status() {
        try (Opening opening = openAlongside(planBuilt())) {
            MigrationPlan plan = plan();
            MigrationInfos infos = MigrationInfos.join(plan, opening.history());
            planner().refuseBrokenScripts(infos.pendingUpTo(null));
            return StatusReport.of(plan, infos, description);
        }
    }

    /**
     * Every planning check on every script of both dialects, plus the history compared with the scripts; clean when
     * nothing needs a person.
     */
    public ValidationReport validate() {
        try (DatabaseSession session = openSession()) {
            MigrationPlan plan = migrations.checkedPlan(session.dialect());
            return ValidationReport.of(plan, MigrationInfos.join(plan, session.readHistory()));
        }
    }

    /** Lint findings of every up script of the selected modules, both dialects, whatever this database's dialect. */
    public List<LintFinding> lint() {
        return MigrationLinter.lint(migrations::plan);
    }

    /**
     * The plan for this database's dialect, built once: scripts do not change while a process runs. It reads script
     * texts and down scripts only when asked for, so a start with nothing to apply reads no more than it compares.
     */
    public synchronized MigrationPlan plan() {
        if (plan == null) {
            plan = migrations.plan(dialect());
        }
        return plan;
    }

    private synchronized boolean planBuilt() {
        return plan != null;
    }

    private static void checkTarget(MigrationPlan plan, String targetVersion) {
        if (targetVersion != null && plan.find(targetVersion).isEmpty()) {
            throw new UnknownVersionException("--target", targetVersion, "migration of the selected modules");
        }
    }

    /** The database's dialect: from the URL when there is one, else from the first session's connection. */
    private synchronized Dialect dialect() {
        if (dialect == null) {
            try (DatabaseSession session = openSession()) {
                dialect = session.dialect();
            }
        }
        return dialect;
    }

    private DatabaseSession openSession() {
        DatabaseSession.Connector connector = target != null ? target::connect : DatabaseSession.pooled(dataSource, description);
        DatabaseSession session = DatabaseSession.open(connector, dialect, migrations.historySchema(), description,
                target == null ? List.of() : target.secrets());
        synchronized (this) {
            dialect = session.dialect();
        }
        return session;
    }

    /**
     * Starts opening the session and reading the history on a thread of its own while the caller plans: at a cold start
     * the connection and the planning take about as long as each other, and reading changes nothing. Not when the plan
     * is built already (the app's /health asks for status again and again), when the dialect is not known before
     * connecting, nor for a SQLite file that does not exist yet: connecting would create it even when planning then
     * refuses.
     */
    private Opening openAlongside(boolean planned) {
        if (planned || dialect == null || (dialect == Dialect.SQLITE && !sqliteFileExists())) {
            return new Opening(null);
        }
        FutureTask<Opened> task = new FutureTask<>(() -> {
            DatabaseSession session = openSession();
            try {
                return new Opened(session, session.readHistory());
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        });
        Thread thread = new Thread(task, "huddle-session-open");
        thread.setDaemon(true);
        thread.start();
        return new Opening(task);
    }

    private record Opened(DatabaseSession session, List<AppliedMigration> history) {
    }

    /** Whether the SQLite database is a file already there; a pooled DataSource's always is, the app made it. */
    private boolean sqliteFileExists() {
        if (target == null) {
            return true;
        }
        Path file = target.sqliteFile();
        return file != null && Files.isRegularFile(file);
    }

    /**
     * A session being opened (or, without a task, opened on first use) and its first history read. Closing it closes the
     * session, waiting for a background open to end first so no connection is left behind.
     */
    private final class Opening implements AutoCloseable {
        private final FutureTask<Opened> task;
        private DatabaseSession session;
        private List<AppliedMigration> history;

        Opening(FutureTask<Opened> task) {
            this.task = task;
        }

        DatabaseSession session() {
            open();
            return session;
        }

        List<AppliedMigration> history() {
            open();
            if (history == null) {
                history = session.readHistory();
            }
            return history;
        }

        private void open() {
            if (session != null) {
                return;
            }
            if (task == null) {
                session = openSession();
                return;
            }
            try {
                Opened opened = task.get();
                session = opened.session();
                history = opened.history();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while connecting to " + description, e);
            }
        }

        @Override
        public void close() {
            if (session == null && task != null) {
                try {
                    session = task.get().session();
                } catch (ExecutionException | InterruptedException | RuntimeException e) {
                    // Nothing was opened, or the command is already failing for a reason of its own.
                    return;
                }
            }
            if (session != null) {
                session.close();
            }
        }
    }
}
