package dev.huddle.signaling.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code users}: whoever takes part in signaling. Its {@code username} says where the identity comes from
 * ({@link SignalingUsers}); {@code displayName} is what other peers are shown.
 */
@MappedEntity("users")
public record SignalingUser(@Id UUID id, String username, @Nullable String displayName, @Nullable Instant lastSeenAt,
                            Instant createdAt, Instant updatedAt) {
}
