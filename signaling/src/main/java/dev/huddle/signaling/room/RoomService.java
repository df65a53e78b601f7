package dev.huddle.signaling.room;

import dev.huddle.web.RequestValues;
import dev.huddle.web.RequestProblem;
import dev.huddle.signaling.room.Admission.Refusal;
import dev.huddle.signaling.user.Caller;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Rooms through the API: create, list, read, close, and join and leave on behalf of the caller. */
@Singleton
public class RoomService {
    static final int LONGEST_NAME = 100;
    static final int LARGEST_CAP = 10_000;
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int LARGEST_PAGE_SIZE = 100;
    public static final String ROOM_NAME_TAKEN = "room_name_taken";

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final RoomAdmission admission;
    private final RoomAuthority authority;
    private final ApplicationEventPublisher<MembershipEnded> events;

    public RoomService(RoomRepository rooms, RoomMemberRepository members, RoomAdmission admission, RoomAuthority authority,
                       ApplicationEventPublisher<MembershipEnded> events) {
        this.rooms = rooms;
        this.members = members;
        this.admission = admission;
        this.authority = authority;
        this.events = events;
    }

    /** A new open room; its creator may govern it, and is not a member until they join. */
    @Transactional
    public RoomView create(Caller caller, RoomRequests request) {
        String name = RequestValues.text(request.name(), "name", LONGEST_NAME);
        Integer cap = request.maxParticipants();
        if (cap != null && (cap < 1 || cap > LARGEST_CAP)) {
            throw RequestProblem.invalid("maxParticipants is " + cap + "; send 1 to " + LARGEST_CAP
                    + ", or leave it out for no cap.");
        }
        if (rooms.existsByName(name)) {
            throw nameTaken(name);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Room room = new Room(UUID.randomUUID(), name, Boolean.TRUE.equals(request.isPrivate()), cap, caller.userId(), now, now, null);
        try {
            return RoomView.of(rooms.save(room), 0);
        } catch (DataAccessException e) {
            if (violatesUniqueName(e)) {
                // Another request took the name between the check and the insert: the unique constraint decided.
                throw nameTaken(name);
            }
            throw e;
        }
    }

    @Transactional
    public RoomView.Page list(Caller caller, String page, String size, boolean includeClosed) {
        int pageNumber = RequestValues.wholeNumber(page, "page", 0, Integer.MAX_VALUE / LARGEST_PAGE_SIZE, 0);
        int pageSize = RequestValues.wholeNumber(size, "size", 1, LARGEST_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        int closed = includeClosed ? 1 : 0;
        List<Room> shown = rooms.listVisible(caller.userId(), closed, pageSize, pageNumber * pageSize);
        Map<UUID, Long> counts = new HashMap<>();
        if (!shown.isEmpty()) {
            members.countMembersOf(shown.stream().map(Room::id).toList())
                    .forEach(count -> counts.put(count.roomId(), count.members()));
        }
        List<RoomView> items = shown.stream().map(room -> RoomView.of(room, counts.getOrDefault(room.id(), 0L))).toList();
        return new RoomView.Page(items, pageNumber, pageSize, rooms.countVisible(caller.userId(), closed));
    }

    /** Any room by id, private ones too: a private room is unlisted, not secret from whoever has its id. */
    @Transactional
    public RoomView get(UUID roomId) {
        return RoomView.of(find(roomId), members.countMembers(roomId));
    }

    /** Closes the room for everyone: its members are removed and nobody joins or connects again. */
    @Transactional
    public RoomView close(Caller caller, UUID roomId) {
        Room room = find(roomId);
        authority.requireModerator(room, caller.userId(), caller.admin(), "close it");
        if (rooms.close(roomId, Instant.now().truncatedTo(ChronoUnit.MILLIS)) == 0) {
            throw RequestProblem.conflict(Refusal.ROOM_CLOSED.code(), "Room " + roomId + " was already closed at "
                    + room.closedAt() + ".");
        }
        List<UUID> removed = members.listMembers(roomId).stream().map(RoomMember::userId).toList();
        members.removeAll(roomId);
        if (!removed.isEmpty()) {
            events.publishEvent(new MembershipEnded(roomId, removed, MembershipEnded.Cause.ROOM_CLOSED));
        }
        return RoomView.of(rooms.findById(roomId).orElseThrow(), 0);
    }

    /** Joins the caller, or refuses: 404 unknown room, 409 closed or full, 403 banned. */
    @Transactional
    public RoomView join(Caller caller, UUID roomId) {
        Admission joined = admission.join(roomId, caller.userId());
        if (!joined.admitted()) {
            throw refusal(joined);
        }
        return get(roomId);
    }

    /** The caller leaves; leaving a room one is not in changes nothing. */
    @Transactional
    public void leave(Caller caller, UUID roomId) {
        find(roomId);
        if (admission.leave(roomId, caller.userId())) {
            events.publishEvent(new MembershipEnded(roomId, List.of(caller.userId()), MembershipEnded.Cause.LEFT));
        }
    }

    @Transactional
    public List<RoomView.Member> members(UUID roomId) {
        find(roomId);
        return members.listMembers(roomId).stream().map(RoomView.Member::of).toList();
    }

    /** The room or a 404; for the services that act on a room, inside their transaction. */
    public Room find(UUID roomId) {
        return rooms.findById(roomId).orElseThrow(() -> RequestProblem.notFound("room", roomId));
    }

    private static RequestProblem refusal(Admission refused) {
        String code = refused.refusal().code();
        return switch (refused.refusal()) {
            case ROOM_NOT_FOUND -> RequestProblem.notFound("room", refused.roomId());
            case BANNED, NOT_A_MEMBER -> RequestProblem.forbidden(code, refused.message());
            case ROOM_CLOSED, ROOM_FULL -> RequestProblem.conflict(code, refused.message());
        };
    }

    /** PostgreSQL names the constraint, SQLite the column. */
    private static boolean violatesUniqueName(DataAccessException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && (message.contains("uq_rooms_name") || message.contains("rooms.name"))) {
                return true;
            }
        }
        return false;
    }

    private static RequestProblem nameTaken(String name) {
        return RequestProblem.conflict(ROOM_NAME_TAKEN, "A room named '" + name + "' exists already (room names stay "
                + "taken after a room closes); choose another name.");
    }
}
