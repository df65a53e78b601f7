package dev.huddle.eventssync.sync;

import dev.huddle.eventssync.airtable.AirtableUnavailableException;
import dev.huddle.migration.connect.Secrets;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;

/**
 * What a failed run records in {@code sync_metadata.errors}, which admins read: the problem and its fix in Huddle's
 * words, and an error id that the log line with the failure's detail names too. A database's or driver's own text
 * (SQL, table names, values, connection URLs) stays in that log line; an Airtable failure keeps its message, which
 * {@link AirtableUnavailableException} words without the request or the token. Any configured secret that still shows
 * up is masked.
 */
record SyncFailure(String errorId, String text) {

    static SyncFailure of(Throwable failure, String errorId, Collection<String> secrets) {
        String problem;
        if (failure instanceof AirtableUnavailableException airtable) {
            problem = airtable.getMessage();
        } else {
            SQLException database = databaseCause(failure);
            problem = database == null
                    ? "The sync stopped on an unexpected error. Nothing was written; the next run tries again."
                    : "The sync's database work failed: " + databaseProblem(database) + " Nothing was written.";
        }
        return new SyncFailure(errorId, Secrets.mask(problem, secrets) + " (error id " + errorId
                + ": the server log has the detail)");
    }

    private static SQLException databaseCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }

    /**
     * The problem named from the codes a failure carries: PostgreSQL's SQLSTATE class, SQLite's result code. SQLite
     * gives "no such table" and "no such column" the generic code 1, so those two are recognised by their wording,
     * which is then not repeated.
     */
    static String databaseProblem(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String detail = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(Locale.ROOT);
        if (state.startsWith("42") || detail.contains("no such table") || detail.contains("no such column")) {
            return "a table or column the sync uses is missing or different from what this version expects. Check "
                    + "that every migration is applied (huddle-migrate status) and that nothing changed the schema by hand.";
        }
        if (state.startsWith("08") || state.startsWith("57") || state.startsWith("53")) {
            return "the database connection was lost or the server refused it (shutting down or out of resources). "
                    + "The next run tries again; check the database server if this repeats.";
        }
        if (state.startsWith("40") || failure.getErrorCode() == 5 || failure.getErrorCode() == 6) {
            return "the database was busy with a conflicting write. The next run tries again.";
        }
        if (state.startsWith("23") || failure.getErrorCode() == 19) {
            return "a row the sync wrote broke a constraint of the schema.";
        }
        if (state.startsWith("25") || failure.getErrorCode() == 8) {
            return "the database accepts no writes now (read-only). Point the app at a writable database.";
        }
        return "the database refused a statement" + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + ".";
    }
}
