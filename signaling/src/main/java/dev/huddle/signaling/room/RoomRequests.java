package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of a new room: a unique name, whether it is unlisted, and an optional cap on members at once. */
@Serdeable
public record RoomRequests(@Nullable String name, @Nullable Boolean isPrivate, @Nullable Integer maxParticipants) {
}
