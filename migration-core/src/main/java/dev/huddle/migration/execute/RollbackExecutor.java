package dev.huddle.migration.execute;

import dev.huddle.migration.connect.Secrets;
import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.history.HistoryTable;
import dev.huddle.migration.plan.RollbackPlan;
import dev.huddle.migration.plan.RollbackStep;
import dev.huddle.migration.sql.SqlStatements;
import dev.huddle.migration.sql.SqlText;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reverts migrations step by step. Each step runs its down script and removes its history row in one
 * transaction: both happen, or neither does.
 */
public final class RollbackExecutor {
    private final DataSource dataSource;

    public RollbackExecutor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs every step of the plan in order.
     *
     * @throws MigrationFailedException naming the down script, line and database error; that step changed nothing,
     *                                  the steps before it stay reverted
     */
    public List<AppliedStep> down(RollbackPlan plan, Dialect dialect) {
        List<AppliedStep> reverted = new ArrayList<>();
        for (RollbackStep step : plan.steps()) {
            long started = System.nanoTime();
            revert(step, dialect, reverted.size());
            reverted.add(new AppliedStep(step.module(), step.version(), step.description(), (System.nanoTime() - started) / 1_000_000));
        }
        return reverted;
    }

    private void revert(RollbackStep step, Dialect dialect, int alreadyReverted) {
        List<SqlStatements.Statement> statements = SqlStatements.split(dialect, step.down().fileName(), step.down().sql());
        boolean transactional = statements.stream().allMatch(SqlStatements.Statement::transactional);
        try (Connection connection = dataSource.getConnection()) {
            // A down script with DROP INDEX CONCURRENTLY and the like runs statement by statement, like its up script.
            connection.setAutoCommit(!transactional);
            SqlStatements.Statement current = null;
            try (Statement jdbc = connection.createStatement()) {
                for (SqlStatements.Statement statement : statements) {
                    current = statement;
                    jdbc.execute(statement.sql());
                }
                current = null;
                HistoryTable.delete(connection, step.version());
                if (transactional) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (transactional) {
                    connection.rollback();
                }
                throw failure(step, current, e, alreadyReverted, transactional);
            }
        } catch (SQLException e) {
            throw new MigrationFailedException(step.downScript(), "Rolling back " + step.script() + " failed: "
                    + Secrets.quote(e.getMessage(), null) + ".", e);
        }
    }

    private static MigrationFailedException failure(RollbackStep step, SqlStatements.Statement statement, SQLException e,
                                                    int alreadyReverted, boolean transactional) {
        StringBuilder message = new StringBuilder("Rolling back ").append(step.script()).append(" failed: ")
                .append(step.downScript());
        if (statement != null) {
            message.append(" at line ").append(statement.line());
        }
        message.append(": ").append(e.getMessage().strip());
        if (statement != null) {
            message.append("\nStatement: ").append(SqlText.withoutLeadingComments(statement.sql()));
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
