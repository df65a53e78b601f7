package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.MigrationPlan;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.sql.SqlStatements;
import dev.huddle.migration.sql.SqlText;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a checked plan. By default every pending migration of one run shares one transaction with its history
 * rows: the run is applied whole or not at all. A script marked no-transaction runs on its own, between runs.
 *
 * <p>Flyway applies each migration in a transaction of its own and re-reads its history between them; measured on
 * the benchmark corpus that costs several milliseconds per migration (bench/RESULTS.md), so Huddle sends each script
 * to the driver whole and writes the history rows in one batch. The history table keeps Flyway's format, and Flyway's
 * parser still splits a script when a failure must be located or a script must run statement by statement.
 */
public final class MigrationExecutor {
    /** PostgreSQL's "out of shared memory": a run of thousands of migrations can fill the lock table. */
    private static final String OUT_OF_LOCKS = "53200";
    private final DataSource dataSource;
    private final Dialect dialect;
    private final boolean transactionPerMigration;

    /**
     * @param transactionPerMigration commit after each migration instead of once per run: shorter locks, but a failure
     *                                leaves the migrations before it applied
     */
    public MigrationExecutor(DataSource dataSource, Dialect dialect, boolean transactionPerMigration) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.transactionPerMigration = transactionPerMigration;
    }

    /**
     * Applies the plan's migrations that are not in {@code applied}, up to and including {@code targetVersion}.
     *
     * @throws MigrationFailedException naming the script, line and error; see its message for what stayed applied
     */
    public UpResult up(MigrationPlan plan, Set<String> applied, String targetVersion) {
        List<ResolvedScript> pending = plan.migrations().stream()
                .filter(script -> !applied.contains(script.version()))
                .filter(script -> targetVersion == null || script.version().compareTo(targetVersion) <= 0)
                .toList();
        if (pending.isEmpty()) {
            return new UpResult(List.of());
        }
        List<AppliedStep> done = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            String installedBy = installedBy(connection);
            int start = 0;
            while (start < pending.size()) {
                if (noTransaction(pending.get(start))) {
                    done.add(runAlone(connection, pending.get(start), installedBy));
                    start++;
                    continue;
                }
                int end = start + 1;
                while (end < pending.size() && !noTransaction(pending.get(end)) && !transactionPerMigration) {
                    end++;
                }
                done.addAll(runInOneTransaction(connection, pending.subList(start, end), installedBy, done.size()));
                start = end;
            }
        } catch (SQLException e) {
            throw new MigrationFailedException(null, "Applying migrations failed: " + e.getMessage(), e);
        }
        return new UpResult(done);
    }

    private static boolean noTransaction(ResolvedScript script) {
        return script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION);
    }

    private List<AppliedStep> runInOneTransaction(Connection connection, List<ResolvedScript> run, String installedBy,
                                                  int appliedBefore) throws SQLException {
        connection.setAutoCommit(false);
        List<AppliedStep> steps = new ArrayList<>(run.size());
        List<HistoryTable.NewRow> rows = new ArrayList<>(run.size());
        int index = 0;
        try (Statement statement = connection.createStatement()) {
            HistoryTable.createIfMissing(connection, dialect);
            for (; index < run.size(); index++) {
                ResolvedScript script = run.get(index);
                long started = System.nanoTime();
                executeWhole(statement, script.sql());
                int millis = (int) ((System.nanoTime() - started) / 1_000_000);
                rows.add(new HistoryTable.NewRow(script.version(), script.readableDescription(), script.script(), script.checksum(), millis, true));
                steps.add(new AppliedStep(script.module(), script.version(), script.readableDescription(), millis));
            }
            HistoryTable.insert(connection, rows, installedBy);
            connection.commit();
            return steps;
        } catch (SQLException e) {
            connection.rollback();
            if (index >= run.size()) {
                throw new MigrationFailedException(null, "Recording " + run.size() + " applied migrations in "
                        + HistoryTable.NAME + " failed, so none of them was applied: " + e.getMessage(), e);
            }
            throw failure(connection, run, index, e, appliedBefore);
        }
    }

    /** A no-transaction script: statement by statement with autocommit, and a failed row if it stops midway. */
    private AppliedStep runAlone(Connection connection, ResolvedScript script, String installedBy) throws SQLException {
        connection.setAutoCommit(true);
        HistoryTable.createIfMissing(connection, dialect);
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            for (SqlStatements.Statement each : SqlStatements.split(dialect, script.fileName(), script.sql())) {
                try {
                    statement.execute(each.sql());
                } catch (SQLException e) {
                    int millis = (int) ((System.nanoTime() - started) / 1_000_000);
                    HistoryTable.insert(connection, List.of(new HistoryTable.NewRow(script.version(), script.readableDescription(),
                            script.script(), script.checksum(), millis, false)), installedBy);
                    throw new MigrationFailedException(script.script(), "Migration " + script.script() + " failed at line "
                            + each.line() + ": " + e.getMessage().strip() + "\nStatement: " + SqlText.withoutLeadingComments(each.sql())
                            + "\nIt is marked no-transaction, so the statements before line " + each.line() + " stayed applied and it is "
                            + "recorded as failed. Check what they changed, then run 'repair --remove-failed " + script.version()
                            + "' and up again.", e);
                }
            }
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        HistoryTable.insert(connection, List.of(new HistoryTable.NewRow(script.version(), script.readableDescription(),
                script.script(), script.checksum(), millis, true)), installedBy);
        return new AppliedStep(script.module(), script.version(), script.readableDescription(), millis);
    }

    /** Sends a script to the driver in one call: both drivers run every statement of it, in order. */
    private void executeWhole(Statement statement, String sql) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            statement.executeUpdate(sql);
        } else {
            statement.execute(sql);
        }
    }

    /**
     * Finds the failing statement's line by replaying the run up to the failing script, then that script statement
     * by statement, in a transaction that is rolled back: failures are rare, the fast path stays unparsed.
     */
    private MigrationFailedException failure(Connection connection, List<ResolvedScript> run, int failed, SQLException error,
                                             int appliedBefore) {
        ResolvedScript script = run.get(failed);
        SqlStatements.Statement culprit = null;
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < failed; i++) {
                executeWhole(statement, run.get(i).sql());
            }
            for (SqlStatements.Statement each : SqlStatements.split(dialect, script.fileName(), script.sql())) {
                try {
                    statement.execute(each.sql());
                } catch (SQLException e) {
                    culprit = each;
                    break;
                }
            }
        } catch (SQLException | RuntimeException replayFailed) {
            // The line stays unknown; the database's own message still names the problem.
        } finally {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The connection is closed right after.
            }
        }
        StringBuilder message = new StringBuilder("Migration ").append(script.script()).append(" failed");
        if (culprit != null) {
            message.append(" at line ").append(culprit.line());
        }
        message.append(": ").append(error.getMessage().strip());
        if (culprit != null) {
            message.append("\nStatement: ").append(SqlText.withoutLeadingComments(culprit.sql()));
        }
        if (run.size() == 1) {
            message.append("\nIts transaction was rolled back: the database is as it was before this migration.");
        } else {
            message.append("\nIt ran in one transaction with the ").append(run.size() - 1)
                    .append(" other migrations of this run, all rolled back: the database is as it was before the run.");
        }
        if (appliedBefore > 0) {
            message.append(" The ").append(appliedBefore).append(" migrations applied before that stay applied.");
        }
        message.append(OUT_OF_LOCKS.equals(error.getSQLState())
                ? " The run took more locks than the server's lock table holds: raise max_locks_per_transaction, or run "
                        + "up with --transaction-per-migration (huddle.migration.transaction-per-migration)."
                : " Fix the script and run up again.");
        return new MigrationFailedException(script.script(), message.toString(), error);
    }

    private String installedBy(Connection connection) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return "";
        }
        try (Statement statement = connection.createStatement(); ResultSet user = statement.executeQuery("select current_user")) {
            user.next();
            return user.getString(1);
        }
    }
}
