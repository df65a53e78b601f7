package dev.huddle.signaling.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code banned_users}: one per user per room. {@code createdAt} is when the ban was last set (a re-ban
 * replaces reason, moderator and expiry); without {@code expiresAt} it never ends.
 */
@MappedEntity("banned_users")
public record Ban(@Id UUID id, UUID roomId, UUID userId, @Nullable String reason, @Nullable UUID bannedBy,
                  Instant createdAt, @Nullable Instant expiresAt) {
}
