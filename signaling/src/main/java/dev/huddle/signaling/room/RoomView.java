package dev.huddle.signaling.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A room as the API shows it: {@code status} is open or closed; {@code members} is how many are in it now. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoomView(String id, String name, boolean isPrivate, @Nullable Integer maxParticipants,
                       @Nullable String createdBy, String status, long members, String createdAt, String updatedAt,
                       @Nullable String closedAt) {

    static RoomView of(Room room, long members) {
        return new RoomView(room.id().toString(), room.name(), room.privateRoom(), room.maxParticipants(),
                room.createdBy() == null ? null : room.createdBy().toString(), room.closed() ? "closed" : "open", members,
                room.createdAt().toString(), room.updatedAt().toString(), text(room.closedAt()));
    }

    private static String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One page of the room list: {@code page} counts from 0; {@code total} is every room the caller may see. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<RoomView> items, int page, int size, long total) {
    }

    /** One member of a room. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Member(String userId, @Nullable String displayName, String joinedAt) {

        static Member of(RoomMember member) {
            return new Member(member.userId().toString(), member.displayName(), member.joinedAt().toString());
        }
    }
}
