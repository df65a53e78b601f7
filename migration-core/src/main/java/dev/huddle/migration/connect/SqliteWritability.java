package dev.huddle.migration.connect;

import dev.huddle.migration.failure.DatabaseReadOnlyException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes one write SQLite will refuse on a read-only database, inside a transaction it rolls back, so a read-only file
 * is reported as such before any migration starts, rather than as a failed migration.
 */
public final class SqliteWritability {
    private SqliteWritability() {
    }

    public static void check(Connection connection, String database) {
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // SQLite grants "begin immediate" even on a read-only connection; only a write tells. This one writes
                // back the value already there, and is rolled back anyway.
                int version;
                try (var result = statement.executeQuery("pragma user_version")) {
                    result.next();
                    version = result.getInt(1);
                }
                statement.execute("begin immediate");
                try {
                    statement.execute("pragma user_version = " + version);
                } finally {
                    statement.execute("rollback");
                }
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("READONLY") || message.toLowerCase().contains("readonly") || message.contains("read-only")) {
                throw new DatabaseReadOnlyException("The SQLite database " + database + " is read-only (" + message.strip()
                        + "). Make the file and its folder writable for this user, and do not open it in a read-only mode.", e);
            }
            // Busy or locked: the migration lock and busy timeout deal with other writers.
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // The connection is closed by the caller either way.
            }
        }
    }
}
