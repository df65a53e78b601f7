package dev.huddle.meetings.participant;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.util.List;

/** {@code /api/meetings/{id}/participants}: join (or rejoin), leave, list. */
@Controller("/api/meetings/{meetingId}/participants")
public class ParticipantController {
    private final ParticipantService service;
    private final JsonBodies bodies;

    public ParticipantController(ParticipantService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post
    public ParticipantView join(@PathVariable String meetingId, @Nullable @Body String body) {
        return service.join(RequestValues.uuid(meetingId, "meetingId"), bodies.read(body, ParticipantRequests.class));
    }

    @Post("/{identity}/leave")
    public ParticipantView leave(@PathVariable String meetingId, @PathVariable String identity) {
        return service.leave(RequestValues.uuid(meetingId, "meetingId"), identity);
    }

    @Get
    public List<ParticipantView> list(@PathVariable String meetingId) {
        return service.list(RequestValues.uuid(meetingId, "meetingId"));
    }
}
