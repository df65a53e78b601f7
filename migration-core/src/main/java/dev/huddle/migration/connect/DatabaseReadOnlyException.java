package dev.huddle.migration.connect;

/** The database can be read but not written, so no migration can run; nothing was changed. */
public class DatabaseReadOnlyException extends DatabaseUnreachableException {
    public DatabaseReadOnlyException(String message, Throwable cause) {
        super(message, cause);
    }
}
