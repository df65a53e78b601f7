package dev.huddle.meetings.analytics;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/** {@code /api/meetings/{id}/analytics} to record an event, {@code /api/meetings/{id}/summary} to read the sums. */
@Controller("/api/meetings/{meetingId}")
public class AnalyticsController {
    private final AnalyticsService service;
    private final JsonBodies bodies;

    public AnalyticsController(AnalyticsService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @Post("/analytics")
    public HttpResponse<AnalyticsViews.Event> record(@PathVariable String meetingId, @Nullable @Body String body) {
        return HttpResponse.created(service.record(RequestValues.uuid(meetingId, "meetingId"), bodies.read(body, AnalyticsRequests.class)));
    }

    @Get("/summary")
    public AnalyticsViews.Summary summary(@PathVariable String meetingId) {
        return service.summary(RequestValues.uuid(meetingId, "meetingId"));
    }
}
