package dev.huddle.migration.failure;

/** A database URL or variable that Huddle cannot turn into a connection; the message never holds the password. */
public final class InvalidDatabaseUrlException extends HuddleFailure {
    public InvalidDatabaseUrlException(String message) {
        super(message, "", null);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
