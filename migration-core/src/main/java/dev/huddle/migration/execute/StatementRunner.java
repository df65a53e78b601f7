package dev.huddle.migration.execute;

import dev.huddle.migration.discover.Dialect;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one scanned script's statements, in order, on one connection, and knows which statement failed from that one
 * execution: nothing is ever run a second time to find out.
 *
 * <p>PostgreSQL: statements that return no rows go out in JDBC batches, which the driver pipelines (one round trip
 * per batch, not per statement) and which report the index of the entry that failed. A statement that may return rows
 * (a {@code SELECT}, {@code CALL}, {@code ... RETURNING}) runs on its own, because a batch refuses results; a
 * {@code COPY ... FROM stdin} feeds its inline data through the driver's copy API, as psql would. SQLite runs in
 * process through {@link SqliteNativeExec}: one native call per statement, or per run of plain INSERTs when the count
 * of changed rows can tell which of them failed.
 */
final class StatementRunner {
    /** Statements per batch: large enough that round trips vanish, small enough to bound the driver's memory. */
    private static final int BATCH_SIZE = 1_000;
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");
    private static final Set<String> ROW_RETURNING_STARTS = Set.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN",
            "CALL", "FETCH", "EXECUTE", "ANALYZE");

    private final Connection connection;
    private final Dialect dialect;

    /** SQLite's native library, called directly; null on PostgreSQL or when the connection hides the driver. */
    private final SqliteNativeExec sqlite;

    StatementRunner(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
        this.sqlite = dialect == Dialect.SQLITE ? SqliteNativeExec.of(connection) : null;
    }

    /** Runs every statement of the script; on failure names the statement that failed and the database's error. */
    void run(ScannedScript script) throws StatementFailure {
        run(script, null);
    }

    /**
     * As {@link #run(ScannedScript)}, then {@code trailer}, a statement of Huddle's own that returns no rows the caller
     * needs, in the script's last round trip (PostgreSQL) so that it costs none of its own.
     */
    void run(ScannedScript script, String trailer) throws StatementFailure {
        List<ScriptStatement> statements = script.statements();
        try (Statement jdbc = createStatement()) {
            if (dialect == Dialect.SQLITE) {
                if (sqlite != null) {
                    sqlite.run(script);
                } else {
                    for (ScriptStatement statement : statements) {
                        runOne(jdbc, statement);
                    }
                }
                if (trailer != null) {
                    jdbc.execute(trailer);
                }
                return;
            }
            int batchStart = 0;
            int batched = 0;
            for (int i = 0; i < statements.size(); i++) {
                ScriptStatement statement = statements.get(i);
                if (mayReturnRows(statement) || statement.copyData() != null) {
                    flush(jdbc, statements, batchStart, batched);
                    batched = 0;
                    batchStart = i + 1;
                    runOne(jdbc, statement);
                    continue;
                }
                jdbc.addBatch(statement.sql());
                batched++;
                if (batched == BATCH_SIZE) {
                    flush(jdbc, statements, batchStart, batched);
                    batched = 0;
                    batchStart = i + 1;
                }
            }
            if (trailer != null) {
                // Not counted: a failure the driver pins on it belongs to no statement of the script.
                jdbc.addBatch(trailer);
            }
            flush(jdbc, statements, batchStart, batched + (trailer != null ? 1 : 0));
        } catch (SQLException e) {
            // Creating or closing the JDBC statement failed: no statement of the script is to blame.
            throw new StatementFailure(null, e);
        }
    }

    /** Runs each statement on its own, in autocommit: for scripts that must run outside a transaction. */
    void runEachAlone(ScannedScript script) throws StatementFailure {
        if (sqlite != null) {
            // Autocommit commits each statement of a run as it completes, as it would one by one.
            sqlite.run(script);
            return;
        }
        try (Statement jdbc = createStatement()) {
            for (ScriptStatement statement : script.statements()) {
                runOne(jdbc, statement);
            }
        } catch (SQLException e) {
            throw new StatementFailure(null, e);
        }
    }

    /** A statement that sends SQL as written: JDBC's {fn ...} escapes are not SQL, and psql would not rewrite them. */
    private Statement createStatement() throws SQLException {
        Statement statement = connection.createStatement();
        statement.setEscapeProcessing(false);
        return statement;
    }

    private void runOne(Statement jdbc, ScriptStatement statement) throws StatementFailure {
        try {
            if (statement.copyData() != null) {
                copyIn(statement);
            } else {
                jdbc.execute(statement.sql());
            }
        } catch (SQLException e) {
            throw new StatementFailure(statement, e);
        }
    }

    private void copyIn(ScriptStatement statement) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
            copy.copyIn(statement.sql(), new StringReader(statement.copyData().text()));
        } catch (IOException e) {
            throw new SQLException("Reading the inline COPY data failed: " + e.getMessage(), e);
        }
    }

    /** Sends the batch; {@code batched} entries, of which those past the script's last statement are Huddle's own. */
    private static void flush(Statement jdbc, List<ScriptStatement> statements, int batchStart, int batched) throws StatementFailure {
        if (batched == 0) {
            return;
        }
        try {
            jdbc.executeBatch();
        } catch (BatchUpdateException e) {
            int failed = failedEntry(e, statements, batchStart, batched);
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new StatementFailure(failed < 0 ? null : statements.get(batchStart + failed), cause);
        } catch (SQLException e) {
            throw new StatementFailure(null, e);
        } finally {
            try {
                jdbc.clearBatch();
            } catch (SQLException ignored) {
                // The batch is dropped with the statement either way.
            }
        }
    }

    /**
     * The index of the batch entry that failed, or -1 when it cannot be told for sure. Inside a transaction pgjdbc marks
     * every entry failed in its update counts, so the index comes from its message, "Batch entry 3 &lt;statement&gt; was
     * aborted", which may be translated: its first number is taken, and trusted only if the message also quotes that
     * entry's statement. A wrong line would be worse than none.
     */
    private static int failedEntry(BatchUpdateException e, List<ScriptStatement> statements, int batchStart, int batched) {
        String message = String.valueOf(e.getMessage());
        Matcher number = FIRST_NUMBER.matcher(message);
        if (!number.find() || number.group(1).length() > 9) {
            return -1;
        }
        int index = Integer.parseInt(number.group(1));
        if (index >= batched || batchStart + index >= statements.size()) {
            return -1;
        }
        String sql = statements.get(batchStart + index).sql();
        String quoted = sql.substring(0, Math.min(sql.length(), 60));
        return message.contains(quoted) ? index : -1;
    }

    /** Whether a statement may answer with rows, which a JDBC batch refuses. */
    private static boolean mayReturnRows(ScriptStatement statement) {
        String first = statement.keyword(0);
        if (ROW_RETURNING_STARTS.contains(first)) {
            return true;
        }
        return statement.mentionsReturning()
                && (first.equals("INSERT") || first.equals("UPDATE") || first.equals("DELETE") || first.equals("MERGE"));
    }

    /** A statement of a script failed; null statement when the failure belongs to none of them. */
    static final class StatementFailure extends Exception {
        private final transient ScriptStatement statement;

        StatementFailure(ScriptStatement statement, SQLException cause) {
            super(cause.getMessage(), cause);
            this.statement = statement;
        }

        ScriptStatement statement() {
            return statement;
        }

        SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
