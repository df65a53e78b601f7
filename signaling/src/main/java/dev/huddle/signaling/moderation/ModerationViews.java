package dev.huddle.signaling.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What the moderation endpoints answer. */
public final class ModerationViews {
    private ModerationViews() {
    }

    /** A ban; {@code active} is false once it has expired (the row stays until an unban or a new ban). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BanView(String roomId, String userId, @Nullable String reason, @Nullable String bannedBy,
                          String bannedAt, @Nullable String expiresAt, boolean active) {

        static BanView of(Ban ban, Instant now) {
            return new BanView(ban.roomId().toString(), ban.userId().toString(), ban.reason(), text(ban.bannedBy()),
                    ban.createdAt().toString(), ban.expiresAt() == null ? null : ban.expiresAt().toString(),
                    ban.expiresAt() == null || ban.expiresAt().isAfter(now));
        }
    }

    /** A moderator of a room. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModeratorView(String roomId, String userId, @Nullable String grantedBy, String grantedAt) {

        static ModeratorView of(Moderator moderator) {
            return new ModeratorView(moderator.roomId().toString(), moderator.userId().toString(),
                    text(moderator.grantedBy()), moderator.createdAt().toString());
        }
    }

    private static String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
