package dev.huddle.authhmac.signing;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Deletes nonces once their request's timestamp is out of the signature window, when a replay would be refused as
 * stale anyway; until then the row is what refuses it as replayed.
 */
@Singleton
public class NoncePurge {
    private static final Logger LOG = LoggerFactory.getLogger(NoncePurge.class);

    private final NonceCacheRepository nonces;

    public NoncePurge(NonceCacheRepository nonces) {
        this.nonces = nonces;
    }

    @Scheduled(fixedDelay = "${huddle.auth.nonce-purge-interval:1m}", initialDelay = "${huddle.auth.nonce-purge-interval:1m}")
    public void purgeExpired() {
        purgeExpiredAt(Instant.now());
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
