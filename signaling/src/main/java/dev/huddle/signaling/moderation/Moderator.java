package dev.huddle.signaling.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code room_moderators}: the user may govern the room, granted by {@code grantedBy}. */
@MappedEntity("room_moderators")
public record Moderator(@Id UUID id, UUID roomId, UUID userId, @Nullable UUID grantedBy, Instant createdAt) {
}
