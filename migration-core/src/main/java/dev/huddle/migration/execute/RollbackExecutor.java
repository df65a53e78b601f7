package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.failure.MigrationFailedException;
import dev.huddle.migration.rollback.RollbackPlan;
import dev.huddle.migration.rollback.RollbackStep;
import dev.huddle.migration.session.DatabaseSession;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverts migrations step by step through one {@link DatabaseSession}. Each step runs its down script and removes its
 * history row in one transaction: both happen, or neither does. On SQLite a step that drops tables runs with
 * foreign-key enforcement off and must leave no reference broken, as {@link MigrationExecutor}'s runs do.
 */
public final class RollbackExecutor {
    private final DatabaseSession session;

    public RollbackExecutor(DatabaseSession session) {
        this.session = session;
    }

    /**
     * Runs every step of the plan in order; the caller holds the session's migration lock.
     *
     * @throws MigrationFailedException naming the down script, line and database error; that step changed nothing,
     *                                  the steps before it stay reverted
     */
    public List<MigrationStep> down(RollbackPlan plan) {
        List<MigrationStep> reverted = new ArrayList<>();
        for (RollbackStep step : plan.steps()) {
            long started = System.nanoTime();
            revert(step, reverted.size());
            reverted.add(new MigrationStep(step.module(), step.version(), step.description(), (System.nanoTime() - started) / 1_000_000));
        }
        return reverted;
    }

    private void revert(RollbackStep step, int alreadyReverted) {
        Dialect dialect = session.dialect();
        ScannedScript script = step.down().text().scanned(dialect);
        boolean transactional = script.statements().stream().noneMatch(statement -> StatementClassifier.cannotRunInTransaction(script, statement));
        boolean foreignKeysOff = dialect == Dialect.SQLITE && transactional && SqliteForeignKeys.dropsTables(script);
        Connection connection = session.connection();
        ScriptStatement current = null;
        try {
            if (foreignKeysOff) {
                SqliteForeignKeys.enforce(connection, false);
            }
            // A down script with DROP INDEX CONCURRENTLY and the like runs statement by statement, like its up script.
            connection.setAutoCommit(!transactional);
            try {
                StatementRunner runner = new StatementRunner(connection, dialect);
                if (transactional) {
                    runner.run(script);
                } else {
                    runner.runEachAlone(script);
                }
            } catch (StatementRunner.StatementFailure failure) {
                current = failure.statement();
                throw failure.sqlException();
            }
            session.restoreSettings();
            if (foreignKeysOff) {
                List<String> violations = SqliteForeignKeys.violations(connection);
                if (!violations.isEmpty()) {
                    SqlFailures.rollbackKeeping(connection, null);
                    throw new MigrationFailedException(step.downScript(), "Refused to roll back " + step.script() + ": "
                            + SqliteForeignKeys.describe(violations, step.downScript()), null);
                }
            }
            session.history().delete(connection, step.version());
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                SqlFailures.rollbackKeeping(connection, e);
            }
            SqlFailures kind = SqlFailures.of(e);
            if (kind != SqlFailures.SCRIPT) {
                throw kind.toException(session.description(), e);
            }
            throw failure(step, current, e, alreadyReverted, transactional);
        } finally {
            try {
                connection.setAutoCommit(true);
                if (foreignKeysOff) {
                    SqliteForeignKeys.enforce(connection, true);
                }
            } catch (SQLException ignored) {
                // Only a broken connection refuses; it is closed with the session.
            }
        }
    }

    private static MigrationFailedException failure(RollbackStep step, ScriptStatement statement, SQLException e,
                                                    int alreadyReverted, boolean transactional) {
        StringBuilder message = new StringBuilder("Rolling back ").append(step.script()).append(" failed: ")
                .append(step.downScript());
        if (statement != null) {
            message.append(" at line ").append(statement.line());
        }
        message.append(": ").append(e.getMessage().strip());
        if (statement != null) {
            message.append("\nStatement: ").append(statement.sql());
        }
        message.append(transactional
                ? "\nIts transaction was rolled back: the schema and the history are as they were before this step"
                : "\nIt ran without a transaction: the statements before the failing one stayed applied and its history "
                        + "row remains; check them before running down again");
        if (alreadyReverted > 0) {
            message.append(" (the ").append(alreadyReverted).append(alreadyReverted == 1 ? " step" : " steps")
                    .append(" before it stay rolled back)");
        }
        message.append(". Fix the down script and run down again.");
        return new MigrationFailedException(step.downScript(), message.toString(), e);
    }
}
