package dev.huddle.signaling.room;

import dev.huddle.web.RequestProblem;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Who may govern a room (close it, ban, unban, promote): its creator, its moderators, and admin sessions, which can
 * step in anywhere. Everyone else gets 403 {@value #NOT_MODERATOR}.
 */
@Singleton
public class RoomAuthority {
    public static final String NOT_MODERATOR = "not_moderator";

    private final RoomRepository rooms;

    public RoomAuthority(RoomRepository rooms) {
        this.rooms = rooms;
    }

    public boolean mayModerate(Room room, UUID userId, boolean admin) {
        return admin || room.createdBy(userId) || isModerator(room.id(), userId);
    }

    public boolean isModerator(UUID roomId, UUID userId) {
        return rooms.countModeratorRows(roomId, userId) > 0;
    }

    /** Refuses, naming the action, unless the user may govern the room. */
    public void requireModerator(Room room, UUID userId, boolean admin, String action) {
        if (!mayModerate(room, userId, admin)) {
            throw RequestProblem.forbidden(NOT_MODERATOR, "Only the creator or a moderator of room " + room.id()
                    + " may " + action + "; ask one of them (GET /api/signaling/rooms/" + room.id() + "/moderators).");
        }
    }
}
