package dev.huddle.migration.connect;

/** A database URL or variable that Huddle cannot turn into a connection; the message never holds the password. */
public class InvalidDatabaseUrlException extends IllegalArgumentException {
    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
