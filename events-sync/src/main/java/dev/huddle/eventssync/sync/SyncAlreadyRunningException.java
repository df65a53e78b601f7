package dev.huddle.eventssync.sync;

/** Another instance (or thread) holds the sync's running row: this one does not start. */
public class SyncAlreadyRunningException extends RuntimeException {
    public SyncAlreadyRunningException(String message) {
        super(message);
    }
}
