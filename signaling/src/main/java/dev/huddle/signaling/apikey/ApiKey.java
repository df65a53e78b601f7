package dev.huddle.signaling.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code api_keys}. Only the SHA-256 of the key is kept ({@code keyHash}, lowercase hex); {@code scopes} is
 * the JSON array text. A revoked key stays listed, with the time it was revoked, and never verifies again.
 */
@MappedEntity("api_keys")
public record ApiKey(@Id UUID id, String keyHash, String name, String scopes, Instant createdAt,
                     @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
