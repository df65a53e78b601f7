package dev.huddle.signaling.room;

import dev.huddle.authhmac.signing.SignedSession;
import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import dev.huddle.signaling.user.SignalingUsers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code /api/signaling/rooms}: create, list, read and close rooms; join, leave and list members. Every request is
 * signed; the session is the caller ({@link SignalingUsers}).
 */
@Controller("/api/signaling/rooms")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoomController {
    private final RoomService service;
    private final SignalingUsers users;
    private final JsonBodies bodies;

    public RoomController(RoomService service, SignalingUsers users, JsonBodies bodies) {
        this.service = service;
        this.users = users;
        this.bodies = bodies;
    }

    @Post
    public HttpResponse<RoomView> create(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                         @Nullable @Body String body) {
        RoomRequests request = bodies.read(body, RoomRequests.class);
        return HttpResponse.created(service.create(users.callerOf(session), request));
    }

    @Get
    public RoomView.Page list(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                              @Nullable @QueryValue String page, @Nullable @QueryValue String size,
                              @Nullable @QueryValue String includeClosed) {
        return service.list(users.callerOf(session), page, size, RequestValues.flag(includeClosed, "includeClosed"));
    }

    @Get("/{roomId}")
    public RoomView get(@PathVariable String roomId) {
        return service.get(RequestValues.uuid(roomId, "roomId"));
    }

    @Post("/{roomId}/close")
    public RoomView close(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session, @PathVariable String roomId) {
        return service.close(users.callerOf(session), RequestValues.uuid(roomId, "roomId"));
    }

    @Post("/{roomId}/join")
    public RoomView join(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session, @PathVariable String roomId) {
        return service.join(users.callerOf(session), RequestValues.uuid(roomId, "roomId"));
    }

    @Post("/{roomId}/leave")
    public HttpResponse<Void> leave(@RequestAttribute(SignedSession.ATTRIBUTE) SignedSession session,
                                    @PathVariable String roomId) {
        service.leave(users.callerOf(session), RequestValues.uuid(roomId, "roomId"));
        return HttpResponse.noContent();
    }

    @Get("/{roomId}/members")
    public List<RoomView.Member> members(@PathVariable String roomId) {
        return service.members(RequestValues.uuid(roomId, "roomId"));
    }
}
