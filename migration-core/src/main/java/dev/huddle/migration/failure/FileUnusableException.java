package dev.huddle.migration.failure;

/**
 * A file or folder Huddle was pointed at cannot be used: it is missing, cannot be listed, read or written, or is in
 * the way of a new file. Scripts inside the runner's own jar are not files; failing to read those is an internal error.
 */
public final class FileUnusableException extends HuddleFailure {
    public FileUnusableException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
