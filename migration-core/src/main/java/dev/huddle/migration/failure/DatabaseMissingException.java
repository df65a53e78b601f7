package dev.huddle.migration.failure;

/**
 * The server answered, or the folder is there, but the database itself does not exist: waiting will not make it appear,
 * so it is reported at once with the command that creates it, never retried as unreachable.
 */
public final class DatabaseMissingException extends DatabaseUnreachableException {
    public DatabaseMissingException(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}
