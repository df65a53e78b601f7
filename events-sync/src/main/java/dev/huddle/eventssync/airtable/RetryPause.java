package dev.huddle.eventssync.airtable;

import java.time.Duration;

/** How the client waits before retrying a rate-limited request; a bean, so tests can see the waits instead of sleeping. */
@FunctionalInterface
public interface RetryPause {
    void pause(Duration wait) throws InterruptedException;
}
