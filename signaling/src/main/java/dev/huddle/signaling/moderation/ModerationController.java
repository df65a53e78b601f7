package dev.huddle.signaling.moderation;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import dev.huddle.signaling.user.SignalingUsers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/** {@code /api/signaling/rooms/{roomId}/bans} and {@code .../moderators}: governing one room. */
@Controller("/api/signaling/rooms/{roomId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModerationController {
    private final ModerationService service;
    private final SignalingUsers users;
    private final JsonBodies bodies;

    public ModerationController(ModerationService service, SignalingUsers users, JsonBodies bodies) {
        this.service = service;
        this.users = users;
        this.bodies = bodies;
    }

    @Post("/bans")
    public ModerationViews.BanView ban(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                       @PathVariable String roomId, @Nullable @Body String body) {
        ModerationRequests.BanUser request = bodies.read(body, ModerationRequests.BanUser.class);
        return service.ban(users.callerOf(session), RequestValues.uuid(roomId, "roomId"), request);
    }

    @Get("/bans")
    public List<ModerationViews.BanView> bans(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                              @PathVariable String roomId) {
        return service.bans(users.callerOf(session), RequestValues.uuid(roomId, "roomId"));
    }

    @Delete("/bans/{userId}")
    public HttpResponse<Void> unban(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                    @PathVariable String roomId, @PathVariable String userId) {
        service.unban(users.callerOf(session), RequestValues.uuid(roomId, "roomId"), RequestValues.uuid(userId, "userId"));
        return HttpResponse.noContent();
    }

    @Post("/moderators")
    public ModerationViews.ModeratorView promote(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                                 @PathVariable String roomId, @Nullable @Body String body) {
        ModerationRequests.Promote request = bodies.read(body, ModerationRequests.Promote.class);
        return service.promote(users.callerOf(session), RequestValues.uuid(roomId, "roomId"), request);
    }

    @Get("/moderators")
    public List<ModerationViews.ModeratorView> moderators(@PathVariable String roomId) {
        return service.moderators(RequestValues.uuid(roomId, "roomId"));
    }
}
