package dev.huddle.authhmac.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code client_sessions}: one device's signing session. {@code clientId} holds the name the client gave;
 * the secret is stored only as {@code secretCiphertext} ({@link dev.huddle.authhmac.crypto.SecretCipher}). An admin
 * session may change the server settings, invite and admit guests.
 */
@MappedEntity("client_sessions")
public record ClientSession(@Id UUID id, String clientId, @Nullable String deviceId, byte[] secretCiphertext,
                            Instant createdAt, Instant expiresAt, @Nullable Instant lastSeenAt,
                            @MappedProperty("is_admin") boolean admin) {

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
