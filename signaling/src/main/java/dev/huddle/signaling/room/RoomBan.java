package dev.huddle.signaling.room;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What admission needs of a user's ban in a room: why, and until when (never, when absent). */
@Introspected
public record RoomBan(@Nullable String reason, @Nullable Instant expiresAt) {

    /** A ban counts until its expiry; an expired row is ignored until a moderator bans again or unbans. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
