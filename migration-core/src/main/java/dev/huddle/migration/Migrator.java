package dev.huddle.migration;

import dev.huddle.migration.adopt.Adopter;
import dev.huddle.migration.adopt.AdoptionResult;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.drift.ExpectedSchema;
import dev.huddle.migration.drift.ScratchDatabase;
import dev.huddle.migration.execute.MigrationStep;
import dev.huddle.migration.execute.MigrationExecutor;
import dev.huddle.migration.execute.MigrationProgress;
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
import dev.huddle.migration.rollback.RollbackPlan;
import dev.huddle.migration.rollback.RollbackPlanner;
import dev.huddle.migration.rollback.RollbackRequest;
import dev.huddle.migration.session.DatabaseSession;
import dev.huddle.migration.session.SessionOpening;
import dev.huddle.migration.session.SessionSource;
import dev.huddle.migration.squash.SquashSubstitution;
import dev.huddle.migration.squash.SquashedBaseline;
import dev.huddle.migration.status.MigrationInfos;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;

import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Longer than most files on purpose: it is the one place that says, per command, which session, lock, plan and history
 * read the command uses, each method a few lines of orchestration over the executors; splitting it would scatter that.
 *
 * <p>The commands against one database: {@link #up}, {@link #down}, {@link #redo}, {@link #status}, {@link #validate},
 * {@link #repair}, {@link #adopt}, and for dry runs, {@link #pending} and {@link #planDown}, which only read. Each command opens one
 * {@link DatabaseSession}, which takes the lock, reads the history and runs the scripts; {@link #status},
 * {@link #validate} and {@link #pending} of a SQLite file that does not exist read an empty history instead, since
 * opening would create it.
 */
public final class Migrator {
    private final Supplier<MigrationPlanner> plannerOfModules;
    private final List<String> selected;
    private final MigrationSettings settings;
    private final SessionSource source;
    /**
     * Written by whichever thread connects first; read without a lock, so that a session opening in the background never
     * waits for planning, which holds {@link #planning} for as long as it reads the scripts.
     */
    private volatile Dialect dialect;
    private final Object planning = new Object();
    private MigrationPlanner planner;
    private MigrationPlan plan;

    /**
     * @param plannerOfModules finds the modules and plans them, called once, after a command has started connecting
     * @param selected         the modules commands are limited to; empty for all
     */
    Migrator(Supplier<MigrationPlanner> plannerOfModules, List<String> selected, MigrationSettings settings, SessionSource source) {
        this.plannerOfModules = plannerOfModules;
        this.selected = List.copyOf(selected);
        this.settings = settings;
        this.source = source;
        this.dialect = source.dialect();
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
        return up(targetVersion, MigrationProgress.SILENT);
    }

    /** As {@link #up(String)}, telling {@code progress} of each migration and commit as the run goes. */
    public UpResult up(String targetVersion, MigrationProgress progress) {
        try (SessionOpening opening = openAlongside(planBuilt())) {
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
            try (MigrationLock.Held ignored = session.lock(settings.lockTimeout())) {
                List<AppliedMigration> history = session.readHistory();
                List<ResolvedScript> pending = withSquashedBaselines(checkedPending(plan, history, targetVersion), history);
                return new MigrationExecutor(session, settings.transactionPerMigration(), progress).up(pending);
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

    /** The pending list with each module's squashed baseline in place of the migrations it stands for, where it applies. */
    private List<ResolvedScript> withSquashedBaselines(List<ResolvedScript> pending, List<AppliedMigration> history) {
        if (pending.isEmpty()) {
            return pending;
        }
        return SquashSubstitution.apply(pending, history, SquashedBaseline.all(planner().modules(), dialect()), settings.transactionPerMigration());
    }

    /**
     * The history with the newest applied row's checksum taken from its script as it is now: redo exists to apply an
     * edited migration again, so an edit of the one migration it redoes is no inconsistency. Every other row is checked as
     * always, and a shipped script edited is refused by planning before this.
     */
    private List<AppliedMigration> acceptingEditOfNewest(List<AppliedMigration> history) {
        AppliedMigration newest = history.stream().filter(AppliedMigration::success)
                .filter(row -> selected.isEmpty() || selected.contains(row.module()))
                .max(Comparator.comparingInt(AppliedMigration::installedRank)).orElse(null);
        if (newest == null) {
            return history;
        }
        return plan().migrations().stream()
                .filter(script -> script.version().equals(newest.version()) && script.module().equals(newest.module()))
                .findFirst()
                .map(script -> history.stream().map(row -> row != newest ? row : new AppliedMigration(row.installedRank(), row.version(),
                        row.description(), row.script(), script.checksum(), row.installedOn(), row.executionTimeMillis(), true)).toList())
                .orElse(history);
    }

    /**
     * The migrations {@code up(targetVersion)} would apply, in order; reads the history but never creates it.
     */
    public List<ResolvedScript> pending(String targetVersion) {
        if (source.databaseMissing()) {
            MigrationPlan plan = plan();
            checkTarget(plan, targetVersion);
            return withSquashedBaselines(checkedPending(plan, List.of(), targetVersion), List.of());
        }
        try (DatabaseSession session = openSession()) {
            MigrationPlan plan = plan();
            checkTarget(plan, targetVersion);
            List<AppliedMigration> history = session.readHistory();
            return withSquashedBaselines(checkedPending(plan, history, targetVersion), history);
        }
    }

    /** What {@code down(request)} would revert, newest first, after the same checks; changes nothing. */
    public RollbackPlan planDown(RollbackRequest request) {
        try (DatabaseSession session = openSession()) {
            return planDown(request, session.readHistory());
        }
    }

    private RollbackPlan planDown(RollbackRequest request, List<AppliedMigration> history) {
        // A rollback of one module answers for that module and its dependents, not for a bad script elsewhere.
        MigrationPlan plan = request.module() == null ? plan() : planner().planForRollbackOf(request.module(), dialect(), selected);
        MigrationInfos inScope = MigrationInfos.join(plan, history);
        ValidationReport report = ValidationReport.of(plan, inScope);
        if (!report.isTrustworthy()) {
            throw new InconsistentHistoryException(report, report.problems());
        }
        MigrationPlan allModules = request.module() == null
                ? planner().plan(dialect(), List.of())
                : planner().planForRollbackOf(request.module(), dialect(), List.of());
        return new RollbackPlanner(inScope, MigrationInfos.join(allModules, history)).plan(request);
    }

    /**
     * Reverts applied migrations, newest first; each step's down script and history row change in one transaction.
     *
     * @throws dev.huddle.migration.failure.RollbackRefusedException before anything runs, when a step is irreversible or
     *                                                            a dependent module needs it
     * @throws dev.huddle.migration.failure.MigrationFailedException when a down script fails; that step changed nothing
     */
    public List<MigrationStep> down(RollbackRequest request) {
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(settings.lockTimeout())) {
            return new RollbackExecutor(session).down(planDown(request, session.readHistory()));
        }
    }

    /** Reverts the last applied migration of the selected modules and applies it again. */
    public RedoResult redo() {
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(settings.lockTimeout())) {
            RollbackPlan rollback = planDown(RollbackRequest.last(), acceptingEditOfNewest(session.readHistory()));
            if (rollback.isEmpty()) {
                return new RedoResult(List.of(), new UpResult(List.of()));
            }
            List<MigrationStep> reverted = new RollbackExecutor(session).down(rollback);
            // Exactly the migration just reverted, wherever it stood in the order: redo restores what was there.
            UpResult reapplied = new MigrationExecutor(session, settings.transactionPerMigration(), MigrationProgress.SILENT)
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
        try (DatabaseSession session = openSession(); MigrationLock.Held ignored = session.lock(settings.lockTimeout())) {
            return new RepairExecutor(session).repair(request, plan);
        }
    }

    /**
     * Records these migrations as adopted: applied from now on, never run, because the schema already has what they
     * create. The schema they create is derived on a scratch database first (the plan's migrations up to the last one
     * requested); requested migrations the history already has are left alone.
     *
     * @param scratch opens an empty database of this database's engine, closed (and dropped) before anything is recorded
     * @throws dev.huddle.migration.failure.AdoptionRefusedException when a table or column they create is missing
     */
    public AdoptionResult adopt(Collection<String> versions, Supplier<ScratchDatabase> scratch, boolean dryRun) {
        MigrationPlan plan = plan();
        List<ResolvedScript> requested = Adopter.requested(plan, versions);
        if (requested.isEmpty()) {
            return new AdoptionResult(List.of(), List.of(), List.of(), dryRun);
        }
        ExpectedSchema expected = Adopter.expectedUpTo(plan, requested, scratch);
        // A dry run only reads, so it takes no lock (a null resource is skipped).
        try (DatabaseSession session = openSession();
             MigrationLock.Held ignored = dryRun ? null : session.lock(settings.lockTimeout())) {
            return new Adopter(session, plan).adopt(requested, expected, dryRun);
        }
    }

    /**
     * Adopts, on a database with no history, the longest run of migrations from the first whose tables and columns it
     * has, as {@link #adopt} does; the rest stay pending.
     */
    public AdoptionResult adoptBySchema(Supplier<ScratchDatabase> scratch, boolean dryRun) {
        MigrationPlan plan = plan();
        if (plan.migrations().isEmpty()) {
            return new AdoptionResult(List.of(), List.of(), List.of(), dryRun);
        }
        ExpectedSchema expected = Adopter.expectedUpTo(plan, plan.migrations(), scratch);
        List<ResolvedScript> present;
        try (DatabaseSession session = openSession()) {
            present = new Adopter(session, plan).presentFromStart(expected);
        }
        return adopt(present.stream().map(ResolvedScript::version).toList(), scratch, dryRun);
    }

    /** Every migration with its state in this database. */
    public StatusReport status() {
        if (source.databaseMissing()) {
            MigrationPlan plan = plan();
            MigrationInfos infos = MigrationInfos.join(plan, List.of());
            planner().refuseBrokenScripts(infos.pendingUpTo(null));
            return StatusReport.of(plan, infos, source.description());
        }
        try (SessionOpening opening = openAlongside(planBuilt())) {
            MigrationPlan plan = plan();
            // Status shows an edited script as such, so every checksum is needed: computed while the history is on its way.
            plan.migrations().forEach(ResolvedScript::checksum);
            MigrationInfos infos = MigrationInfos.join(plan, opening.history());
            planner().refuseBrokenScripts(infos.pendingUpTo(null));
            return StatusReport.of(plan, infos, source.description());
        }
    }

    /**
     * Every planning check on every script of both dialects, plus the history compared with the scripts; clean when
     * nothing needs a person.
     */
    public ValidationReport validate() {
        if (source.databaseMissing()) {
            MigrationPlan plan = planner().checkedPlan(dialect(), selected);
            return ValidationReport.of(plan, MigrationInfos.join(plan, List.of()));
        }
        try (DatabaseSession session = openSession()) {
            MigrationPlan plan = planner().checkedPlan(session.dialect(), selected);
            return ValidationReport.of(plan, MigrationInfos.join(plan, session.readHistory()));
        }
    }

    /** Lint findings of every up script of the selected modules, both dialects, whatever this database's dialect. */
    public List<LintFinding> lint() {
        return MigrationLinter.lint(each -> planner().plan(each, selected));
    }

    /**
     * The plan for this database's dialect, built once: scripts do not change while a process runs. It reads script
     * texts and down scripts only when asked for, so a start with nothing to apply reads no more than it compares.
     */
    public MigrationPlan plan() {
        synchronized (planning) {
            if (plan == null) {
                plan = planner().plan(dialect(), selected);
            }
            return plan;
        }
    }

    /**
     * The planner of the modules, made on first use: a command opens its session first when it may, so that connecting
     * overlaps finding the modules and reading their scripts.
     */
    private MigrationPlanner planner() {
        synchronized (planning) {
            if (planner == null) {
                planner = plannerOfModules.get();
            }
            return planner;
        }
    }

    private boolean planBuilt() {
        synchronized (planning) {
            return plan != null;
        }
    }

    private static void checkTarget(MigrationPlan plan, String targetVersion) {
        if (targetVersion != null && plan.find(targetVersion).isEmpty()) {
            throw new UnknownVersionException("--target", targetVersion, "migration of the selected modules");
        }
    }

    /** The database's dialect: from the URL when there is one, else from the first session's connection. */
    private Dialect dialect() {
        if (dialect == null) {
            try (DatabaseSession session = openSession()) {
                return session.dialect();
            }
        }
        return dialect;
    }

    private DatabaseSession openSession() {
        DatabaseSession session = source.open(dialect);
        dialect = session.dialect();
        return session;
    }

    /**
     * Opens the session and reads the history while the caller plans, except when the plan is built already (the app's
     * /health asks for status again and again), when the dialect is not known before connecting, or when the source
     * says a session may not open before planning has passed.
     */
    private SessionOpening openAlongside(boolean planned) {
        if (planned || dialect == null || !source.mayOpenBeforePlanning()) {
            return SessionOpening.onFirstUse(this::openSession);
        }
        return SessionOpening.inBackground(this::openSession);
    }
}
