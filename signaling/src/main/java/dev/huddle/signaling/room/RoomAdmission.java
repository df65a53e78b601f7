package dev.huddle.signaling.room;

import dev.huddle.signaling.room.Admission.Refusal;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may be in a room: the one place that decides, for the REST join and for the relay's connections alike. A user
 * takes part in a room once they have joined it (a {@code room_members} row), while the room is open and no ban of
 * theirs is in force. Membership lives in the database, so every app instance gives the same answer.
 */
@Singleton
public class RoomAdmission {
    private final RoomRepository rooms;
    private final RoomMemberRepository members;

    public RoomAdmission(RoomRepository rooms, RoomMemberRepository members) {
        this.rooms = rooms;
        this.members = members;
    }

    /** Whether the user may connect to the room now; nothing is written. */
    @Transactional
    public Admission admit(UUID roomId, UUID userId) {
        Optional<Room> room = rooms.findById(roomId);
        Admission refused = refusal(room, roomId, userId, now());
        if (refused != null) {
            return refused;
        }
        if (members.countMembership(roomId, userId) == 0) {
            return Admission.refused(roomId, userId, Refusal.NOT_A_MEMBER, "User " + userId + " has not joined room "
                    + roomId + "; join it first (POST /api/signaling/rooms/" + roomId + "/join).");
        }
        return Admission.admitted(roomId, userId);
    }

    /**
     * Makes the user a member unless the room is missing, closed, bans them or is full; joining again is admitted
     * and changes nothing. Members are counted under the room's write lock ({@link RoomRepository#lockOpen}), so the
     * cap holds when many join at once.
     */
    @Transactional
    public Admission join(UUID roomId, UUID userId) {
        Instant now = now();
        boolean open = rooms.lockOpen(roomId, now) == 1;
        Optional<Room> room = rooms.findById(roomId);
        Admission refused = refusal(room, roomId, userId, now);
        if (refused != null) {
            return refused;
        }
        if (!open) {
            // Only a room created after the lock was tried: to this transaction it did not exist yet.
            return Admission.refused(roomId, userId, Refusal.ROOM_NOT_FOUND, "Room " + roomId + " was not there yet; try again.");
        }
        if (members.countMembership(roomId, userId) == 1) {
            return Admission.admitted(roomId, userId);
        }
        Integer cap = room.get().maxParticipants();
        if (cap != null && members.countMembers(roomId) >= cap) {
            return Admission.refused(roomId, userId, Refusal.ROOM_FULL, "Room " + roomId + " is full: it takes at most "
                    + cap + " participants. Try again when someone leaves.");
        }
        members.insertIfAbsent(roomId, userId, now);
        return Admission.admitted(roomId, userId);
    }

    /** Ends the user's membership; false when they were not a member. */
    @Transactional
    public boolean leave(UUID roomId, UUID userId) {
        return members.remove(roomId, userId) == 1;
    }

    private Admission refusal(Optional<Room> room, UUID roomId, UUID userId, Instant now) {
        if (room.isEmpty()) {
            return Admission.refused(roomId, userId, Refusal.ROOM_NOT_FOUND, "No room has id " + roomId
                    + "; list the rooms to find a valid id.");
        }
        if (room.get().closed()) {
            return Admission.refused(roomId, userId, Refusal.ROOM_CLOSED, "Room " + roomId + " was closed at "
                    + room.get().closedAt() + "; nobody can take part in it any more.");
        }
        Optional<RoomBan> ban = rooms.findBan(roomId, userId).filter(found -> found.activeAt(now));
        if (ban.isPresent()) {
            return Admission.refused(roomId, userId, Refusal.BANNED, "User " + userId + " is banned from room " + roomId
                    + (ban.get().reason() == null ? "" : " (" + ban.get().reason() + ")")
                    + (ban.get().expiresAt() == null ? " with no end." : " until " + ban.get().expiresAt() + "."));
        }
        return null;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
