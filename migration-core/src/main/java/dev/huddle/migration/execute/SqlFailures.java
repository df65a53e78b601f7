package dev.huddle.migration.execute;

import dev.huddle.migration.failure.DatabaseUnreachableException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What a database error says about the database rather than the script: a lost connection, a full disk, a lock
 * held by another connection. Those are reported as such, so the real cause is never mistaken for a bad script.
 */
enum SqlFailures {
    /** The server session ended: killed, shut down, or the network dropped. */
    CONNECTION_LOST,
    /** SQLite could not grow the file: the disk (or max_page_count) is full. */
    DISK_FULL,
    /** Another connection held SQLite's write lock longer than the busy timeout. */
    BUSY,
    /** Anything else: the script's own error. */
    SCRIPT;

    static SqlFailures of(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        // Class 08 is a connection exception; 57P01-57P03 an administrator or a crash ended the session.
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || message.contains("AN I/O ERROR OCCURRED WHILE SENDING TO THE BACKEND")) {
            return CONNECTION_LOST;
        }
        if (message.contains("SQLITE_FULL")) {
            return DISK_FULL;
        }
        if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")) {
            return BUSY;
        }
        return SCRIPT;
    }

    /** The failure to report for everything but {@link #SCRIPT}: what happened and what to do, the driver's words after. */
    DatabaseUnreachableException toException(String database, SQLException e) {
        return new DatabaseUnreachableException(explain(database) + ". (" + e.getMessage().strip() + ")", e);
    }

    /**
     * Rolls back without letting a failing rollback hide the error that caused it: SQLite has already rolled back
     * after a full disk, and a lost connection cannot roll back at all.
     */
    static void rollbackKeeping(Connection connection, SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailed) {
            if (cause != null) {
                cause.addSuppressed(rollbackFailed);
            }
        }
    }

    /** The sentence that says what happened and what to do, for everything but {@link #SCRIPT}. */
    String explain(String database) {
        return switch (this) {
            case CONNECTION_LOST -> "The connection to " + database + " was lost. The server rolls back a transaction whose "
                    + "session ends, so what was not committed is not applied. Check the server and the network, then run again";
            case DISK_FULL -> "The disk holding " + database + " is full (or the file reached max_page_count). Free space and "
                    + "run again";
            case BUSY -> "Another connection held " + database + "'s write lock for longer than the lock timeout. Stop the "
                    + "writer or raise --lock-timeout (huddle.migration.lock-timeout), then run again";
            case SCRIPT -> "";
        };
    }
}
