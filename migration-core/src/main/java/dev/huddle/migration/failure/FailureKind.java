package dev.huddle.migration.failure;

/**
 * What kind of failure a {@link HuddleFailure} is, and so the runner's exit code for it. The codes are part of the
 * runner's contract (README, "exit code"); an error that is no {@link HuddleFailure} is an internal error instead.
 */
public enum FailureKind {
    /** An up or down script failed; its transaction was rolled back. */
    MIGRATION_FAILED(1, "a migration failed (rolled back)"),
    /** The request cannot be carried out as asked: command line, URL, module, version, path or repair. */
    USAGE(2, "usage error"),
    /** Planning, validation or a rollback refused: the scripts or the history need a person. */
    REFUSED(3, "validation refused"),
    /** The database could not be reached or written, or another runner held the lock past the timeout. */
    DATABASE(4, "cannot connect");

    private final int exitCode;
    private final String summary;

    FailureKind(int exitCode, String summary) {
        this.exitCode = exitCode;
        this.summary = summary;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A few words for the runner's help, beside the exit code. */
    public String summary() {
        return summary;
    }
}
