package dev.huddle.authhmac.signing;

import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.UUID;

/**
 * What verifying a signature needs of one client session: its HMAC key (the decrypted secret), its expiry and whether
 * it is an admin, with the fields a controller sees. A snapshot: {@link NonceLedger#recordForLiveSession}
 * checks at every request that the row still says the same.
 */
record SessionCredentials(UUID id, String name, String deviceId, Instant expiresAt, boolean admin, SecretKeySpec key) {

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    SignedSession signedSession() {
        return new SignedSession(id.toString(), name, deviceId, expiresAt, admin);
    }

    @Override
    public String toString() {
        // The key must never reach a log line or a message.
        return "SessionCredentials[" + id + "]";
    }
}
