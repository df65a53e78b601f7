package dev.huddle.migration.failure;

/** The database could not be opened: down, wrong address, wrong credentials, missing database or file. */
public sealed class DatabaseUnreachableException extends HuddleFailure permits DatabaseMissingException, DatabaseReadOnlyException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, "", cause);
    }

    protected DatabaseUnreachableException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DATABASE;
    }
}
