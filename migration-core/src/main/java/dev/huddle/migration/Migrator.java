package dev.huddle.migration;

import dev.huddle.migration.connect.DatabaseTarget;
import dev.huddle.migration.connect.DatabaseUnreachableException;
import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.execute.AppliedStep;
import dev.huddle.migration.execute.MigrationExecutor;
import dev.huddle.migration.execute.RedoResult;
import dev.huddle.migration.execute.RollbackExecutor;
import dev.huddle.migration.execute.UpResult;
import dev.huddle.migration.history.AppliedMigration;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackPlanner;
import dev.huddle.migration.plan.RollbackRequest;
import dev.huddle.migration.status.InconsistentHistoryException;
import dev.huddle.migration.status.StatusReport;
import dev.huddle.migration.status.ValidationReport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
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

    Migrator(Migrations migrations, DataSource dataSource, Dialect dialect, DatabaseTarget target) {
        this.migrations = migrations;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.target = target;
    }

    /** Applies every pending migration in plan order. */
    public UpResult up() {
        return up(null);
    }

    /**
     * Applies pending migrations in plan order, up to and including {@code targetVersion} (all when null), after
     * checking the history against the scripts.
     *
     * @throws InconsistentHistoryException when the history disagrees with the scripts; nothing is applied
     */
    public UpResult up(String targetVersion) {
        MigrationPlan plan = plan();
        checkTarget(plan, targetVersion);
        ValidationReport report = ValidationReport.of(plan, history());
        if (!report.isClean()) {
            throw new InconsistentHistoryException(report, report.blockingUp());
        }
        return new MigrationExecutor(dataSource).up(plan, targetVersion);
    }

    /**
     * The migrations {@code up(targetVersion)} would apply, in order; reads the history but never creates it.
     */
    public List<ResolvedScript> pending(String targetVersion) {
        MigrationPlan plan = plan();
        checkTarget(plan, targetVersion);
        Set<String> applied = history().stream().map(AppliedMigration::version).collect(Collectors.toSet());
        return plan.migrations().stream()
                .filter(script -> !applied.contains(script.version()))
                .filter(script -> targetVersion == null || script.version().compareTo(targetVersion) <= 0)
                .toList();
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
        return new RollbackExecutor(dataSource).down(planDown(request), dialect());
    }

    /** Reverts the last applied migration of the selected modules and applies it again. */
    public RedoResult redo() {
        RollbackPlan rollback = planDown(RollbackRequest.last());
        if (rollback.isEmpty()) {
            return new RedoResult(List.of(), new UpResult(List.of()));
        }
        List<AppliedStep> reverted = new RollbackExecutor(dataSource).down(rollback, dialect());
        return new RedoResult(reverted, up(rollback.steps().get(0).version()));
    }

    /** Every migration with its state in this database. */
    public StatusReport status() {
        MigrationPlan plan = plan();
        return StatusReport.of(plan, history(), describeDatabase());
    }

    /** The planning checks plus the history compared with the scripts; clean when nothing needs a person. */
    public ValidationReport validate() {
        MigrationPlan plan = plan();
        return ValidationReport.of(plan, history());
    }

    /** The checked plan for this database's dialect, built once: scripts do not change while a process runs. */
    public synchronized MigrationPlan plan() {
        if (plan == null) {
            plan = migrations.plan(dialect());
        }
        return plan;
    }

    private static void checkTarget(MigrationPlan plan, String targetVersion) {
        if (targetVersion != null && plan.find(targetVersion).isEmpty()) {
            throw new IllegalArgumentException("--target " + targetVersion + " names no migration of the selected modules. "
                    + "Run status to see the versions.");
        }
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

    private DatabaseUnreachableException unreachable(SQLException e) {
        return new DatabaseUnreachableException("Cannot connect to " + describeDatabase() + ": "
                + Secrets.quote(e.getMessage(), target == null ? null : target.password()) + ".", e);
    }

    private String describeDatabase() {
        return target != null ? target.toString() : "the configured data source";
    }
}
