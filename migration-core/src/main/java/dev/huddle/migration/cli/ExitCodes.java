package dev.huddle.migration.cli;

import dev.huddle.migration.connect.DatabaseUnreachableException;
import dev.huddle.migration.discover.MalformedScriptException;
import dev.huddle.migration.execute.MigrationFailedException;
import dev.huddle.migration.history.NewerHistoryFormatException;
import dev.huddle.migration.integrity.ShippedScriptChangedException;
import dev.huddle.migration.lock.MigrationLockTimeoutException;
import dev.huddle.migration.plan.MigrationPlanRefusedException;
import dev.huddle.migration.plan.RollbackRefusedException;
import dev.huddle.migration.status.InconsistentHistoryException;

/** The runner's exit codes, one per kind of outcome, so scripts can tell them apart. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A migration failed; it was rolled back. */
    public static final int MIGRATION_FAILED = 1;
    /** Unknown command or option, bad URL, unknown module or version. */
    public static final int USAGE = 2;
    /** Planning, validation or a rollback refused: the scripts or the history need a person. */
    public static final int VALIDATION_REFUSED = 3;
    /** The database could not be reached or written, or another runner held the lock past the timeout. */
    public static final int CANNOT_CONNECT = 4;

    private ExitCodes() {
    }

    static int of(Throwable error) {
        if (error instanceof MigrationFailedException) {
            return MIGRATION_FAILED;
        }
        if (error instanceof MigrationPlanRefusedException || error instanceof MalformedScriptException
                || error instanceof InconsistentHistoryException
                || error instanceof RollbackRefusedException || error instanceof NewerHistoryFormatException
                || error instanceof ShippedScriptChangedException) {
            return VALIDATION_REFUSED;
        }
        if (error instanceof DatabaseUnreachableException || error instanceof MigrationLockTimeoutException) {
            return CANNOT_CONNECT;
        }
        if (error instanceof IllegalArgumentException) {
            return USAGE;
        }
        return MIGRATION_FAILED;
    }
}
