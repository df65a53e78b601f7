package dev.huddle.signaling.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The bodies the moderation endpoints take. */
public final class ModerationRequests {
    private ModerationRequests() {
    }

    /** Ban a user: optional reason, optional ISO-8601 end (none: for good). */
    @Serdeable
    public record BanUser(@Nullable String userId, @Nullable String reason, @Nullable String expiresAt) {
    }

    /** Make a user a moderator. */
    @Serdeable
    public record Promote(@Nullable String userId) {
    }
}
