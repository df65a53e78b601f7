package dev.huddle.migration.execute;

import org.sqlite.SQLiteConnection;
import org.sqlite.core.DB;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs one SQLite statement in a single call into the native library ({@code sqlite3_exec}, through sqlite-jdbc's
 * public {@code DB._exec}), the way the {@code sqlite3} shell runs each statement it reads: prepare, step to the end,
 * finalize.
 *
 * <p>Why not {@code Statement.execute}: for each statement it matches the text against a regular expression (the
 * driver's own {@code backup}/{@code restore} commands), wraps the prepared statement in objects, makes five native
 * calls and, after an INSERT, prepares a second statement to read the generated key. For a script of a million
 * INSERTs that work was as large as SQLite's own. Called with one statement at a time, exec still says exactly which
 * statement failed, and runs nothing twice.
 *
 * <p>Two differences from {@code Statement.execute}, both what {@code sqlite3} does: a statement that returns rows runs
 * to its end (the driver stops at the first row), and text past the statement's end in the same string is run too
 * (the driver ignores it silently). The scanner hands over one statement at a time, so the second cannot happen unless
 * it and SQLite disagree on where a statement ends, and then running the text is better than dropping it unseen.
 */
final class SqliteNativeExec {
    private final DB database;

    private SqliteNativeExec(DB database) {
        this.database = database;
    }

    /** The connection's native database, or null when the connection hides sqlite-jdbc (then JDBC is used). */
    static SqliteNativeExec of(Connection connection) {
        try {
            if (!connection.isWrapperFor(SQLiteConnection.class)) {
                return null;
            }
            return new SqliteNativeExec(connection.unwrap(SQLiteConnection.class).getDatabase());
        } catch (SQLException e) {
            return null;
        }
    }

    /** Runs {@code sql} on the connection, inside its transaction if one is open. */
    void execute(String sql) throws SQLException {
        database._exec(sql);
    }
}
