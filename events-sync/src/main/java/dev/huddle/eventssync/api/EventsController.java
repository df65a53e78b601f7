package dev.huddle.eventssync.api;

import dev.huddle.eventssync.store.SchemaEnums;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /api/events} lists the synced events, optionally filtered by triage status and by a start-date range
 * ({@code triage=approved&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z}, {@code to} exclusive);
 * {@code GET /api/events/{id}} shows one with its attendees. An unknown triage status, a time that is not ISO-8601 or
 * a malformed id is 400 {@code invalid_request}; an unknown id 404 {@code not_found}.
 */
@Controller("/api/events")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsController {
    private final EventQueries queries;

    EventsController(EventQueries queries) {
        this.queries = queries;
    }

    @Get
    List<EventView> list(@Nullable @QueryValue String triage, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to) throws SQLException {
        String status = triage == null ? null : triage.strip().toLowerCase(Locale.ROOT);
        if (status != null && !SchemaEnums.TRIAGE_STATUSES.contains(status)) {
            throw RequestProblem.invalid("triage '" + RequestValues.optionalText(triage, "triage", 60)
                    + "' is not a triage status; send one of " + new TreeSet<>(SchemaEnums.TRIAGE_STATUSES) + ".");
        }
        return queries.events(new EventFilter(status, instant(from, "from"), instant(to, "to")));
    }

    @Get("/{id}")
    EventDetail detail(@PathVariable String id) throws SQLException {
        UUID event = RequestValues.uuid(id, "event id");
        return queries.event(event).orElseThrow(() -> RequestProblem.unknown("No event has id " + event
                + " (or it was removed from Airtable); list them with GET /api/events to find a valid id."));
    }

    private static Instant instant(String value, String field) {
        return value == null || value.isBlank() ? null : RequestValues.optionalInstant(value.strip(), field);
    }
}
