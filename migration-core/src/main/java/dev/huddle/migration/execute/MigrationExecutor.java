package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.ResolvedScript;
import dev.huddle.migration.plan.ScriptDirectives;
import dev.huddle.migration.session.DatabaseSession;
import dev.huddle.migration.sql.ScannedScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Applies pending migrations through one {@link DatabaseSession}. By default every pending migration of one run shares
 * one transaction with its history rows: the run is applied whole or not at all. Three things end a transaction
 * early, each because the database leaves no choice: a script marked no-transaction runs on its own; on PostgreSQL, a
 * migration that adds an enum value commits before the next one, which may use the value (PostgreSQL refuses a new
 * value in the transaction that added it); and {@code transactionPerMigration} commits after each.
 */
public final class MigrationExecutor {
    /** PostgreSQL's "out of shared memory": a run of thousands of migrations can fill the lock table. */
    private static final String OUT_OF_LOCKS = "53200";
    private static final Pattern ADD_VALUE = Pattern.compile("\\bADD\\s+VALUE\\b", Pattern.CASE_INSENSITIVE);

    private final DatabaseSession session;
    private final boolean transactionPerMigration;
    private final MigrationProgress progress;

    /**
     * @param transactionPerMigration commit after each migration instead of once per run: shorter locks, but a failure
     *                                leaves the migrations before it applied
     * @param progress                told of each migration and each commit as the run goes
     */
    public MigrationExecutor(DatabaseSession session, boolean transactionPerMigration, MigrationProgress progress) {
        this.session = session;
        this.transactionPerMigration = transactionPerMigration;
        this.progress = progress;
    }

    /**
     * Applies {@code pending} in order; the caller holds the session's migration lock.
     *
     * @throws MigrationFailedException        naming the script, line and error; see its message for what stayed applied
     * @throws DatabaseUnreachableException    when the connection was lost or the database cannot be written
     */
    public UpResult up(List<ResolvedScript> pending) {
        List<MigrationStep> done = new ArrayList<>();
        Connection connection = session.connection();
        try {
            int start = 0;
            while (start < pending.size()) {
                if (noTransaction(pending.get(start))) {
                    done.add(runAlone(pending.get(start)));
                    start++;
                    continue;
                }
                int end = start;
                do {
                    end++;
                } while (end < pending.size() && !transactionPerMigration && !noTransaction(pending.get(end))
                        && !addsEnumValue(pending.get(end - 1)));
                done.addAll(runInOneTransaction(pending.subList(start, end), done.size()));
                start = end;
            }
        } catch (SQLException e) {
            throw new MigrationFailedException(null, "Applying migrations failed: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The session is closed next; a broken connection has nothing left to commit.
            }
        }
        return new UpResult(done);
    }

    private static boolean noTransaction(ResolvedScript script) {
        return script.directives().hasWithReason(ScriptDirectives.NO_TRANSACTION);
    }

    /** A PostgreSQL migration that adds an enum value: the next migration may use it only after a commit. */
    private boolean addsEnumValue(ResolvedScript script) {
        if (session.dialect() != Dialect.POSTGRESQL || !script.sql().toLowerCase(Locale.ROOT).contains("add value")) {
            return false;
        }
        ScannedScript scanned = script.scanned();
        return scanned.statements().stream()
                .anyMatch(statement -> statement.startsWith("ALTER", "TYPE") && ADD_VALUE.matcher(scanned.codeOf(statement)).find());
    }

    private List<MigrationStep> runInOneTransaction(List<ResolvedScript> run, int appliedBefore) throws SQLException {
        Connection connection = session.connection();
        HistoryTable history = session.history();
        boolean foreignKeysOff = session.dialect() == Dialect.SQLITE && run.stream().anyMatch(script -> SqliteForeignKeys.dropsTables(script.scanned()));
        if (foreignKeysOff) {
            SqliteForeignKeys.enforce(connection, false);
        }
        List<MigrationStep> steps = new ArrayList<>(run.size());
        List<HistoryTable.NewRow> rows = new ArrayList<>(run.size());
        int index = 0;
        boolean committing = false;
        StatementRunner runner = new StatementRunner(connection, session.dialect());
        try {
            connection.setAutoCommit(false);
            history.createIfMissing(connection);
            try {
                for (; index < run.size(); index++) {
                    ResolvedScript script = run.get(index);
                    progress.starting(script);
                    long started = System.nanoTime();
                    // The session's search_path and role go back in the script's last round trip.
                    runner.run(script.scanned(), session.restoreSettingsSql());
                    int millis = (int) ((System.nanoTime() - started) / 1_000_000);
                    rows.add(new HistoryTable.NewRow(script.version(), script.readableDescription(), script.historyPath(), script.checksum(), millis, true));
                    MigrationStep step = new MigrationStep(script.module(), script.version(), script.readableDescription(), millis);
                    progress.ran(step);
                    steps.add(step);
                }
            } catch (StatementRunner.StatementFailure failure) {
                SqlFailures.rollbackKeeping(connection, failure.sqlException());
                SqlFailures kind = SqlFailures.of(failure.sqlException());
                if (kind != SqlFailures.SCRIPT) {
                    throw environmentFailure(kind, failure.sqlException(), false);
                }
                throw failure(run, index, failure, appliedBefore);
            }
            if (foreignKeysOff) {
                List<String> violations = SqliteForeignKeys.violations(connection);
                if (!violations.isEmpty()) {
                    SqlFailures.rollbackKeeping(connection, null);
                    throw new MigrationFailedException(run.get(run.size() - 1).historyPath(), "Refused "
                            + describeRun(run) + ": " + SqliteForeignKeys.describe(violations, describeRun(run)), null);
                }
            }
            history.insert(connection, rows, session.installedBy());
            committing = true;
            connection.commit();
            progress.committed(steps);
            return steps;
        } catch (SQLException e) {
            SqlFailures.rollbackKeeping(connection, e);
            SqlFailures kind = SqlFailures.of(e);
            if (kind != SqlFailures.SCRIPT) {
                throw environmentFailure(kind, e, committing);
            }
            throw new MigrationFailedException(null, (index >= run.size() ? "Recording " + run.size() + " applied migrations in "
                    + history.qualifiedName() + " failed" : "Preparing the run failed") + ", so none of its migrations was applied: "
                    + e.getMessage(), e);
        } finally {
            if (foreignKeysOff) {
                restoreEnforcement(connection);
            }
        }
    }

    private static String describeRun(List<ResolvedScript> run) {
        return run.size() == 1 ? run.get(0).historyPath() : "the run of " + run.size() + " migrations ending with " + run.get(run.size() - 1).historyPath();
    }

    private static void restoreEnforcement(Connection connection) {
        try {
            connection.setAutoCommit(true);
            SqliteForeignKeys.enforce(connection, true);
        } catch (SQLException ignored) {
            // Only a broken connection refuses; it is closed with the session and takes the setting with it.
        }
    }

    private DatabaseUnreachableException environmentFailure(SqlFailures kind, SQLException e, boolean committing) {
        if (committing && kind == SqlFailures.CONNECTION_LOST) {
            return new DatabaseUnreachableException("The connection to " + session.description() + " was lost while committing, "
                    + "so whether the run was applied is unknown. Run status to see, then up again. (" + e.getMessage().strip() + ")", e);
        }
        return kind.toException(session.description(), e);
    }

    /** A no-transaction script: statement by statement with autocommit, and a failed row if it stops midway. */
    private MigrationStep runAlone(ResolvedScript script) throws SQLException {
        Connection connection = session.connection();
        HistoryTable history = session.history();
        connection.setAutoCommit(true);
        history.createIfMissing(connection);
        progress.starting(script);
        long started = System.nanoTime();
        try {
            new StatementRunner(connection, session.dialect()).runEachAlone(script.scanned());
        } catch (StatementRunner.StatementFailure failure) {
            SQLException e = failure.sqlException();
            SqlFailures kind = SqlFailures.of(e);
            if (kind != SqlFailures.SCRIPT) {
                throw environmentFailure(kind, e, false);
            }
            session.restoreSettings();
            int millis = (int) ((System.nanoTime() - started) / 1_000_000);
            history.insert(connection, List.of(new HistoryTable.NewRow(script.version(), script.readableDescription(),
                    script.historyPath(), script.checksum(), millis, false)), session.installedBy());
            int line = failure.statement() == null ? 0 : failure.statement().line();
            throw new MigrationFailedException(script.historyPath(), "Migration " + script.historyPath() + " failed"
                    + (line > 0 ? " at line " + line : "") + ": " + e.getMessage().strip()
                    + (failure.statement() == null ? "" : "\nStatement: " + failure.statement().sql())
                    + "\nIt is marked no-transaction, so the statements before " + (line > 0 ? "line " + line : "the failing one")
                    + " stayed applied and it is "
                    + "recorded as failed. Check what they changed, then run 'repair --remove-failed " + script.version()
                    + "' and up again.", e);
        }
        session.restoreSettings();
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        history.insert(connection, List.of(new HistoryTable.NewRow(script.version(), script.readableDescription(),
                script.historyPath(), script.checksum(), millis, true)), session.installedBy());
        MigrationStep step = new MigrationStep(script.module(), script.version(), script.readableDescription(), millis);
        progress.ran(step);
        progress.committed(List.of(step));
        return step;
    }

    private static MigrationFailedException failure(List<ResolvedScript> run, int failed, StatementRunner.StatementFailure failure,
                                                    int appliedBefore) {
        ResolvedScript script = run.get(failed);
        SQLException error = failure.sqlException();
        StringBuilder message = new StringBuilder("Migration ").append(script.historyPath()).append(" failed");
        if (failure.statement() != null) {
            message.append(" at line ").append(failure.statement().line());
        }
        message.append(": ").append(error.getMessage().strip());
        if (failure.statement() != null) {
            message.append("\nStatement: ").append(failure.statement().sql());
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
        return new MigrationFailedException(script.historyPath(), message.toString(), error);
    }
}
