package dev.huddle.app.migration;

import dev.huddle.migration.failure.DatabaseMissingException;
import dev.huddle.migration.failure.DatabaseReadOnlyException;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import dev.huddle.migration.settings.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Retries a boot step while the database cannot be reached, waiting 0.25 s, then twice as long each time up to 5 s,
 * until the connect timeout has passed. Databases started alongside the app are often not ready yet. A database that
 * answers but is missing or read-only is no such case: waiting would not change it, so it fails at once.
 *
 * <p>The step must fail as fast as the database says (see {@link BootMigration}): an attempt that waits on its own
 * leaves no room for the backoff. The time reported is the time waited, measured, not the setting.
 */
final class ConnectRetry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetry.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private final Duration timeout;

    ConnectRetry(Duration timeout) {
        this.timeout = timeout;
    }

    void run(Runnable step) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Duration wait = FIRST_WAIT;
        String lastReason = null;
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (DatabaseMissingException | DatabaseReadOnlyException e) {
                throw e;
            } catch (DatabaseUnreachableException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    Duration waited = Duration.ofNanos(System.nanoTime() - started);
                    throw new DatabaseUnreachableException("The database was still unreachable after " + Durations.describe(waited)
                            + " and " + attempt + (attempt == 1 ? " attempt" : " attempts") + ": " + e.getMessage()
                            + " If it needs longer to start, raise huddle.migration.connect-timeout "
                            + "(HUDDLE_MIGRATION_CONNECT_TIMEOUT, now " + Durations.describe(timeout) + ").", e);
                }
                Duration pause = Duration.ofNanos(Math.min(wait.toNanos(), left));
                // The reason once, and again only when it changes: a starting database says the same thing many times.
                if (!e.getMessage().equals(lastReason)) {
                    LOG.warn("Database not reachable yet; retrying for up to {}: {}", Durations.describe(timeout), e.getMessage());
                    lastReason = e.getMessage();
                } else {
                    LOG.debug("Database still not reachable (attempt {}), retrying in {} ms", attempt, pause.toMillis());
                }
                sleep(pause);
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
