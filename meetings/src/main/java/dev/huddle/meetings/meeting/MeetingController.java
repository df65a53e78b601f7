package dev.huddle.meetings.meeting;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;

/** {@code /api/meetings}: create, list, get, update and end meetings. */
@Controller("/api/meetings")
public class MeetingController {
    private final MeetingService service;
    private final JsonBodies bodies;

    public MeetingController(MeetingService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post
    public HttpResponse<MeetingView> create(@Nullable @Body String body) {
        return HttpResponse.created(service.create(bodies.read(body, MeetingRequests.Create.class)));
    }

    @Get
    public MeetingView.Page list(@Nullable @QueryValue String status, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue String limit) {
        return service.list(status, from, to, cursor, limit == null ? null : pageSize(limit));
    }

    @Get("/{id}")
    public MeetingView get(@PathVariable String id) {
        return service.get(RequestValues.uuid(id, "meetingId"));
    }

    @Patch("/{id}")
    public MeetingView update(@PathVariable String id, @Nullable @Body String body) {
        return service.update(RequestValues.uuid(id, "meetingId"), bodies.read(body, MeetingRequests.Update.class));
    }

    @Post("/{id}/end")
    public MeetingView end(@PathVariable String id) {
        return service.end(RequestValues.uuid(id, "meetingId"));
    }

    private static int pageSize(String limit) {
        try {
            return Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw RequestProblem.invalid("limit '" + limit + "' is not a whole number; ask for 1 to "
                    + MeetingService.MAX_PAGE + " meetings per page.");
        }
    }
}
