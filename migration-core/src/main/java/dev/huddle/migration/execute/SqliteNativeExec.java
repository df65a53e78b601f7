package dev.huddle.migration.execute;

import dev.huddle.migration.execute.StatementRunner.StatementFailure;
import dev.huddle.migration.sql.ScannedScript;
import dev.huddle.migration.sql.ScriptStatement;
import dev.huddle.migration.sql.Utf8Slicer;
import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;
import org.sqlite.core.NativeDB;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs a script's SQLite statements through the native library's {@code sqlite3_exec} (sqlite-jdbc's public
 * {@code DB._exec}), the way the {@code sqlite3} shell runs what it reads: prepare, step to the end, finalize.
 *
 * <p>Why not {@code Statement.execute}: for each statement it matches the text against a regular expression (the
 * driver's own {@code backup}/{@code restore} commands), wraps the prepared statement in objects, makes five native
 * calls and, after an INSERT, prepares a second statement to read the generated key. For a script of a million
 * INSERTs that work was as large as SQLite's own.
 *
 * <p>Most statements go one per call, so a failure names its statement. A run of plain INSERTs ({@link
 * ScriptStatement#plainInsertRows}) goes in one call: the run's text from the script, comments between its statements
 * included, which spares the per-statement Java work (cutting, encoding, the native call and its copy). It goes as the
 * file's own UTF-8 bytes when the script was scanned with them ({@link Utf8Slicer}), so the run is neither copied out
 * of the text nor encoded again; otherwise as a string.
 * Exec stops at the first error without saying where, so such a run is sent only when the count of changed rows
 * ({@code sqlite3_total_changes}) tells which statement failed: each plain INSERT changes exactly as many rows as it
 * has tuples when it succeeds, and none when it fails (SQLite undoes a failed statement's rows, and its count with
 * them), so the changes made before the error add up to the rows of the statements that completed, and the next one
 * failed. That holds only while no trigger, table conflict clause ({@code ON CONFLICT IGNORE} keeps a statement's
 * success but changes no row), virtual table or attached database can make an INSERT do something else: the schema
 * is checked for them before a run, again after any statement that may change the schema, and when any is there
 * every statement goes alone. Nothing ever runs twice.
 *
 * <p>Two differences from {@code Statement.execute}, both what {@code sqlite3} does: a statement that returns rows runs
 * to its end (the driver stops at the first row), and text past the statement's end in the same string is run too
 * (the driver ignores it silently). The scanner hands over whole statements, so the second cannot happen unless it and
 * SQLite disagree on where a statement ends, and then running the text is better than dropping it unseen.
 */
final class SqliteNativeExec {
    /** Shorter runs of plain INSERTs go one by one: the schema check would cost more than a single call saves. */
    private static final int MIN_RUN = 8;
    /** A run's text is copied as UTF-8 and again by the driver's native side: bounded, so memory stays small. */
    private static final int MAX_RUN_CHARS = 1 << 18;
    /**
     * The largest array kept for the next run: a bounded run's bytes (at most 3 per character) and its NUL. The driver
     * copies the whole array on every call, so one sized by a single huge statement would be copied again for each
     * short run after it.
     */
    private static final int MAX_REUSED_BYTES = 3 * MAX_RUN_CHARS + 1;
    /** First keywords of statements that cannot add a trigger, a table or an attached database. */
    private static final Set<String> KEEPS_SCHEMA = Set.of("INSERT", "REPLACE", "UPDATE", "DELETE", "SELECT", "VALUES", "WITH");
    /** Non-zero when something in the schema could make a plain INSERT change other than one row per tuple. */
    private static final String COUNTING_HAZARDS = "SELECT (SELECT count(*) FROM pragma_database_list WHERE name NOT IN ('main', 'temp'))"
            + " + (SELECT count(*) FROM pragma_table_list WHERE type = 'virtual')"
            + " + (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' OR sql LIKE '%CONFLICT%')"
            + " + (SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' OR sql LIKE '%CONFLICT%')";

    private final Connection connection;
    private final DB database;
    /** Whether changed rows locate a failure in a run, as of the last check; null when a statement since may have changed it. */
    private Boolean rowsCounted;
    /**
     * The array runs are sent in as the file's bytes, NUL-terminated ({@link Utf8Slicer#sliceTerminated}): one for all of
     * them, so a data script's runs do not each take fresh memory that must be zeroed and faulted in.
     */
    private byte[] runBytes;
    /** Rows per statement of the run being sent. */
    private int[] runRows = new int[64];
    /** Calls into the native library so far: how a test sees whether a run went in one call. */
    private int nativeCalls;
    /** Of those, runs sent as the file's bytes: how a test sees that they were. */
    private int utf8Runs;

    private SqliteNativeExec(Connection connection, DB database) {
        this.connection = connection;
        this.database = database;
    }

    /** The connection's native database, or null when the connection hides sqlite-jdbc (then JDBC is used). */
    static SqliteNativeExec of(Connection connection) {
        try {
            if (!connection.isWrapperFor(SQLiteConnection.class)) {
                return null;
            }
            return new SqliteNativeExec(connection, connection.unwrap(SQLiteConnection.class).getDatabase());
        } catch (SQLException e) {
            return null;
        }
    }

    /** Runs every statement of the script on the connection, inside its transaction if one is open. */
    void run(ScannedScript script) throws StatementFailure {
        // Other code may have used the connection since the last script.
        rowsCounted = null;
        Utf8Slicer utf8 = script.utf8Slicer();
        List<ScriptStatement> statements = script.statements();
        int from = 0;
        while (from < statements.size()) {
            int to = plainInsertRun(script, from);
            if (to - from >= MIN_RUN && rowsCounted()) {
                runTogether(script, utf8, from, to);
                from = to;
            } else {
                int alone = Math.max(to, from + 1);
                for (; from < alone; from++) {
                    runAlone(statements.get(from));
                }
            }
        }
    }

    /** The end (exclusive) of the run of plain INSERTs starting at {@code from}, their rows in {@link #runRows}. */
    private int plainInsertRun(ScannedScript script, int from) {
        List<ScriptStatement> statements = script.statements();
        int runStart = statements.get(from).start();
        int to = from;
        while (to < statements.size() && statements.get(to).end() - runStart <= MAX_RUN_CHARS) {
            int rows = statements.get(to).plainInsertRows();
            if (rows == 0) {
                break;
            }
            if (to - from == runRows.length) {
                runRows = Arrays.copyOf(runRows, runRows.length * 2);
            }
            runRows[to - from] = rows;
            to++;
        }
        return to;
    }

    private void runAlone(ScriptStatement statement) throws StatementFailure {
        if (!KEEPS_SCHEMA.contains(statement.keyword(0))) {
            rowsCounted = null;
        }
        nativeCalls++;
        try {
            database._exec(statement.sql());
        } catch (SQLException e) {
            throw new StatementFailure(statement, e);
        }
    }

    /**
     * Statements {@code from} to {@code to} (exclusive), all plain INSERTs, in one call: as the file's bytes when the
     * script has them and the driver lets them in, which spares copying the run out of the text and encoding it.
     */
    private void runTogether(ScannedScript script, Utf8Slicer utf8, int from, int to) throws StatementFailure {
        List<ScriptStatement> statements = script.statements();
        long before;
        try {
            before = database.total_changes();
        } catch (SQLException e) {
            throw new StatementFailure(null, e);
        }
        int start = statements.get(from).start();
        int end = statements.get(to - 1).end();
        byte[] bytes = utf8 != null && Utf8Exec.METHOD != null && database instanceof NativeDB ? utf8.sliceTerminated(start, end, runBytes) : null;
        nativeCalls++;
        try {
            if (bytes != null) {
                runBytes = bytes.length <= MAX_REUSED_BYTES ? bytes : null;
                utf8Runs++;
                Utf8Exec.run(database, bytes);
            } else {
                database._exec(script.sql(start, end));
            }
        } catch (SQLException e) {
            throw new StatementFailure(failedStatement(statements, from, to, before), e);
        }
    }

    /**
     * The statement of the run that failed: the one after those whose rows add up to the rows changed since the run
     * began. Null when no prefix of the run adds up to that count, which the checks before the run rule out; a guessed
     * line would be worse than none.
     */
    private ScriptStatement failedStatement(List<ScriptStatement> statements, int from, int to, long before) {
        long changed;
        try {
            changed = database.total_changes() - before;
        } catch (SQLException e) {
            return null;
        }
        long completed = 0;
        for (int index = from; index < to && completed <= changed; index++) {
            if (completed == changed) {
                return statements.get(index);
            }
            completed += runRows[index - from];
        }
        return null;
    }

    int nativeCalls() {
        return nativeCalls;
    }

    int utf8Runs() {
        return utf8Runs;
    }

    /** Whether the schema lets changed rows locate a failure in a run of plain INSERTs (checked when unknown). */
    private boolean rowsCounted() throws StatementFailure {
        if (rowsCounted == null) {
            try (Statement statement = connection.createStatement(); ResultSet hazards = statement.executeQuery(COUNTING_HAZARDS)) {
                rowsCounted = hazards.next() && hazards.getLong(1) == 0;
            } catch (SQLException e) {
                throw new StatementFailure(null, e);
            }
        }
        return rowsCounted;
    }

    /**
     * The driver's own call behind {@code DB._exec(String)}: {@code NativeDB._exec_utf8(byte[])}, which takes the UTF-8
     * bytes {@code _exec} makes from its string and hands them to {@code sqlite3_exec}, which reads them up to the first
     * NUL (the driver copies the whole array and adds one): the bytes past a run's NUL are never read. It is
     * package-private, so it is reached by reflection (the driver's classes are on the class path, where that is allowed); when it cannot be, runs
     * go as strings, as before. Looked up on the first run of plain INSERTs, so other scripts pay nothing for it.
     */
    private static final class Utf8Exec {
        static final Method METHOD = find();

        private static Method find() {
            try {
                Method method = NativeDB.class.getDeclaredMethod("_exec_utf8", byte[].class);
                method.setAccessible(true);
                return method;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        static void run(DB database, byte[] utf8) throws SQLException {
            try {
                METHOD.invoke(database, (Object) utf8);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException failure) {
                    throw failure;
                }
                throw new SQLException("SQLite's exec failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException("SQLite's exec could not be called: " + e.getMessage(), e);
            }
        }
    }
}
