package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One member of a room: the signaling user, the name peers see, and since when. */
@Introspected
public record RoomMember(UUID userId, @Nullable String displayName, Instant joinedAt) {
}
