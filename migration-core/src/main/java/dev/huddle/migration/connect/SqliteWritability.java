package dev.huddle.migration.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Asks SQLite for a write transaction and gives it straight back, so a read-only file is reported as such before any
 * migration starts, rather than as a failed migration.
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
                statement.execute("begin immediate");
                statement.execute("rollback");
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
