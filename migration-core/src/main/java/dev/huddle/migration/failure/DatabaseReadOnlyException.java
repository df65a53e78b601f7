package dev.huddle.migration.failure;

/** The database can be read but not written, so no migration can run; nothing was changed. */
public final class DatabaseReadOnlyException extends DatabaseUnreachableException {
    public DatabaseReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
