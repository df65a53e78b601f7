package dev.huddle.eventssync.sync;

/** The run's row stopped being 'running' (another instance took over its stale lease): it stops without writing. */
class SyncLeaseLostException extends RuntimeException {
    SyncLeaseLostException(String message) {
        super(message);
    }
}
