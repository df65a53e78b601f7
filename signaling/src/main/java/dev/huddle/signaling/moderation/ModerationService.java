package dev.huddle.signaling.moderation;

import dev.huddle.web.RequestValues;
import dev.huddle.web.RequestProblem;
import dev.huddle.signaling.room.MembershipEnded;
import dev.huddle.signaling.room.Room;
import dev.huddle.signaling.room.RoomAdmission;
import dev.huddle.signaling.room.RoomAuthority;
import dev.huddle.signaling.room.RoomService;
import dev.huddle.signaling.user.Caller;
import dev.huddle.signaling.user.SignalingUsers;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Bans, unbans and promotions in one room. Each checks, in this order, that the room exists (404), that the caller
 * may govern it (403 not_moderator), then the request (400) and the target user (404), before it writes.
 */
@Singleton
public class ModerationService {
    static final int LONGEST_REASON = 500;
    public static final String CANNOT_BAN_CREATOR = "cannot_ban_creator";

    private final RoomService rooms;
    private final RoomAuthority authority;
    private final RoomAdmission admission;
    private final SignalingUsers users;
    private final BanRepository bans;
    private final ModeratorRepository moderators;
    private final ApplicationEventPublisher<MembershipEnded> events;

    public ModerationService(RoomService rooms, RoomAuthority authority, RoomAdmission admission, SignalingUsers users,
                             BanRepository bans, ModeratorRepository moderators,
                             ApplicationEventPublisher<MembershipEnded> events) {
        this.rooms = rooms;
        this.authority = authority;
        this.admission = admission;
        this.users = users;
        this.bans = bans;
        this.moderators = moderators;
        this.events = events;
    }

    /** Bans the user (again: the new reason and expiry replace the old) and removes them from the room. */
    @Transactional
    public ModerationViews.BanView ban(Caller caller, UUID roomId, ModerationRequests.BanUser request) {
        Room room = governed(caller, roomId, "ban users");
        Instant now = now();
        String reason = RequestValues.optionalText(request.reason(), "reason", LONGEST_REASON);
        Instant expiresAt = RequestValues.optionalInstant(request.expiresAt(), "expiresAt");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw RequestProblem.invalid("expiresAt " + expiresAt + " is not in the future; send a later time, or "
                    + "leave it out for a ban without end.");
        }
        UUID target = existingUser(request.userId());
        if (room.createdBy(target)) {
            throw RequestProblem.conflict(CANNOT_BAN_CREATOR, "User " + target + " created room " + roomId
                    + " and cannot be banned from it; close the room instead.");
        }
        bans.upsert(UUID.randomUUID(), roomId, target, reason, caller.userId(), now, expiresAt);
        if (admission.leave(roomId, target)) {
            events.publishEvent(new MembershipEnded(roomId, List.of(target), MembershipEnded.Cause.BANNED));
        }
        return ModerationViews.BanView.of(bans.findByRoomIdAndUserId(roomId, target).orElseThrow(), now);
    }

    /** Lifts the user's ban; unbanning a user who is not banned changes nothing. */
    @Transactional
    public void unban(Caller caller, UUID roomId, UUID userId) {
        governed(caller, roomId, "unban users");
        bans.remove(roomId, userId);
    }

    @Transactional
    public List<ModerationViews.BanView> bans(Caller caller, UUID roomId) {
        governed(caller, roomId, "see its bans");
        Instant now = now();
        return bans.findByRoomIdOrderByCreatedAt(roomId).stream().map(ban -> ModerationViews.BanView.of(ban, now)).toList();
    }

    /** Makes the user a moderator; promoting a moderator again keeps the first grant. */
    @Transactional
    public ModerationViews.ModeratorView promote(Caller caller, UUID roomId, ModerationRequests.Promote request) {
        governed(caller, roomId, "promote moderators");
        UUID target = existingUser(request.userId());
        moderators.grantIfAbsent(UUID.randomUUID(), roomId, target, caller.userId(), now());
        return ModerationViews.ModeratorView.of(moderators.findByRoomIdAndUserId(roomId, target).orElseThrow());
    }

    @Transactional
    public List<ModerationViews.ModeratorView> moderators(UUID roomId) {
        rooms.find(roomId);
        return moderators.findByRoomIdOrderByCreatedAt(roomId).stream().map(ModerationViews.ModeratorView::of).toList();
    }

    private Room governed(Caller caller, UUID roomId, String action) {
        Room room = rooms.find(roomId);
        authority.requireModerator(room, caller.userId(), caller.admin(), action);
        return room;
    }

    private UUID existingUser(String userId) {
        UUID id = RequestValues.uuid(userId, "userId");
        if (users.find(id).isEmpty()) {
            throw RequestProblem.notFound("signaling user", id);
        }
        return id;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
