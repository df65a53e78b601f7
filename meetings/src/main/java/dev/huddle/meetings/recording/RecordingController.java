package dev.huddle.meetings.recording;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.util.List;

/** Recordings: {@code /api/meetings/{id}/recordings} to start and list, {@code /api/recordings/{id}/...} to finish. */
@Controller("/api")
public class RecordingController {
    private final RecordingService service;
    private final JsonBodies bodies;

    public RecordingController(RecordingService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post("/meetings/{meetingId}/recordings")
    public HttpResponse<RecordingView> start(@PathVariable String meetingId, @Nullable @Body String body) {
        return HttpResponse.created(service.start(RequestValues.uuid(meetingId, "meetingId"),
                bodies.read(body, RecordingRequests.Start.class)));
    }

    @Get("/meetings/{meetingId}/recordings")
    public List<RecordingView> list(@PathVariable String meetingId) {
        return service.list(RequestValues.uuid(meetingId, "meetingId"));
    }

    @Post("/recordings/{id}/complete")
    public RecordingView complete(@PathVariable String id, @Nullable @Body String body) {
        return service.complete(RequestValues.uuid(id, "recordingId"), bodies.read(body, RecordingRequests.Finish.class));
    }

    @Post("/recordings/{id}/fail")
    public RecordingView fail(@PathVariable String id, @Nullable @Body String body) {
        return service.fail(RequestValues.uuid(id, "recordingId"), bodies.read(body, RecordingRequests.Finish.class));
    }
}
