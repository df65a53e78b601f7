package dev.huddle.signaling.room;

import java.util.List;
import java.util.UUID;

/**
 * Published (as a Micronaut application event) when users stop being members of a room: they left, were banned, or
 * the room was closed. It is published inside the change's transaction, on the instance that made it: a relay acting
 * on it should listen with {@code @TransactionalEventListener} (after commit), and other instances learn it through
 * {@link RoomAdmission#admit}, which answers from the database.
 */
public record MembershipEnded(UUID roomId, List<UUID> userIds, Cause cause) {
    public enum Cause { LEFT, BANNED, ROOM_CLOSED }

    public MembershipEnded {
        userIds = List.copyOf(userIds);
    }
}
