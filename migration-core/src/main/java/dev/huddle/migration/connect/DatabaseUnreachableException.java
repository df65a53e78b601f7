package dev.huddle.migration.connect;

/** The database could not be opened: down, wrong address, wrong credentials, missing database or file. */
public class DatabaseUnreachableException extends RuntimeException {
    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
