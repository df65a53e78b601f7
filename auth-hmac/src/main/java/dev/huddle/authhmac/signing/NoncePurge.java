package dev.huddle.authhmac.signing;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes nonces once their request's timestamp is out of the signature window, when a replay would be refused as
 * stale anyway; until then the row is what refuses it as replayed. Runs every {@code huddle.auth.nonce-purge-interval}
 * (default one minute), the first time one interval after start-up.
 */
@Singleton
public class NoncePurge {
    private static final Logger LOG = LoggerFactory.getLogger(NoncePurge.class);

    private final NonceCacheRepository nonces;
    private final TaskScheduler scheduler;
    private final Duration interval;

    public NoncePurge(NonceCacheRepository nonces, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                      @Value("${huddle.auth.nonce-purge-interval:1m}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("huddle.auth.nonce-purge-interval is " + interval
                    + ": set a positive duration such as 1m.");
        }
        this.nonces = nonces;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    // Scheduled here rather than with @Scheduled: with several application contexts in one JVM (the tests), the
    // annotation's "${...}" interval was sometimes another context's, so a purge set to run every 100 ms first ran
    // after the default minute. Read from this context's own configuration, it is always this context's.
    @EventListener
    void onStartup(StartupEvent event) {
        scheduler.scheduleWithFixedDelay(interval, interval, this::purgeExpired);
    }

    /** One scheduled turn; a failure is logged and the next turn tries again (an exception would end the schedule). */
    void purgeExpired() {
        try {
            purgeExpiredAt(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Could not purge expired nonces: {}; the next turn tries again.", e.getMessage());
        }
    }

    /** Deletes the nonces that expired before the time and says how many went. */
    public int purgeExpiredAt(Instant time) {
        int purged = nonces.deleteExpiredBefore(time);
        if (purged > 0) {
            LOG.debug("Purged {} expired nonce(s)", purged);
        }
        return purged;
    }
}
