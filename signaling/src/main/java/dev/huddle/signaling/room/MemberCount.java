package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** How many members one room has now. */
@Introspected
public record MemberCount(UUID roomId, long members) {
}
