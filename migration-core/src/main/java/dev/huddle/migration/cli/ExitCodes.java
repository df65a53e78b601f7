package dev.huddle.migration.cli;

import dev.huddle.migration.failure.FailureKind;
import dev.huddle.migration.failure.HuddleFailure;

/**
 * The runner's exit codes, one per kind of outcome, so scripts can tell them apart: 0, a {@link FailureKind}'s code,
 * or {@link #INTERNAL_ERROR} for anything Huddle did not expect.
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** A migration failed; it was rolled back. */
    public static final int MIGRATION_FAILED = FailureKind.MIGRATION_FAILED.exitCode();
    /** Unknown command or option, bad URL, unknown module or version, unusable path, mistaken repair. */
    public static final int USAGE = FailureKind.USAGE.exitCode();
    /** Planning, validation or a rollback refused: the scripts or the history need a person. */
    public static final int VALIDATION_REFUSED = FailureKind.REFUSED.exitCode();
    /** The database could not be reached or written, or another runner held the lock past the timeout. */
    public static final int CANNOT_CONNECT = FailureKind.DATABASE.exitCode();
    /** Not a {@link HuddleFailure}: a bug in Huddle, to be reported. */
    public static final int INTERNAL_ERROR = 5;

    private ExitCodes() {
    }

    static int of(Throwable error) {
        return error instanceof HuddleFailure failure ? failure.kind().exitCode() : INTERNAL_ERROR;
    }
}
