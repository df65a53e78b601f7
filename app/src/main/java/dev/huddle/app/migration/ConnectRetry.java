package dev.huddle.app.migration;

import dev.huddle.migration.failure.DatabaseReadOnlyException;
import dev.huddle.migration.failure.DatabaseUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Retries a boot step while the database cannot be reached, waiting 0.25 s, then twice as long each time up to 5 s,
 * until the connect timeout has passed. Databases started alongside the app are often not ready yet.
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
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration wait = FIRST_WAIT;
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (DatabaseReadOnlyException e) {
                throw e;
            } catch (DatabaseUnreachableException e) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DatabaseUnreachableException("The database was still unreachable after " + timeout.toSeconds()
                            + " s and " + attempt + " attempts: " + e.getMessage() + " Raise huddle.migration.connect-timeout "
                            + "(HUDDLE_MIGRATION_CONNECT_TIMEOUT) if it needs longer to start.", e);
                }
                Duration pause = Duration.ofNanos(Math.min(wait.toNanos(), left));
                LOG.warn("Database not reachable yet (attempt {}), retrying in {} ms: {}", attempt, pause.toMillis(), e.getMessage());
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
