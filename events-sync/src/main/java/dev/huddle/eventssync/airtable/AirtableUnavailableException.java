package dev.huddle.eventssync.airtable;

/** Airtable could not be read completely: the run stops before it writes anything. The message never holds the token. */
public class AirtableUnavailableException extends RuntimeException {
    public AirtableUnavailableException(String message) {
        super(message);
    }

    public AirtableUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
