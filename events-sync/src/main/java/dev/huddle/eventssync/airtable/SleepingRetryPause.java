package dev.huddle.eventssync.airtable;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The real wait: the thread sleeps. */
@Singleton
@Secondary
final class SleepingRetryPause implements RetryPause {
    @Override
    public void pause(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
    }
}
