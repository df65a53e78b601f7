package dev.huddle.eventssync.api;

import dev.huddle.eventssync.store.SchemaEnums;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code GET /api/events} lists the synced events, optionally filtered by triage status and by a start-date range
 * ({@code triage=approved&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z}, {@code to} exclusive);
 * {@code GET /api/events/{id}} shows one with its attendees.
 */
@Controller("/api/events")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsController {
    private final EventQueries queries;

    EventsController(EventQueries queries) {
        this.queries = queries;
    }

    @Get
    HttpResponse<?> list(@Nullable @QueryValue String triage, @Nullable @QueryValue String from, @Nullable @QueryValue String to)
            throws SQLException {
        String status = triage == null ? null : triage.toLowerCase(Locale.ROOT);
        if (status != null && !SchemaEnums.TRIAGE_STATUSES.contains(status)) {
            return HttpResponse.badRequest(Map.of("message", "triage '" + triage + "' is not a triage status: use one of "
                    + new TreeSet<>(SchemaEnums.TRIAGE_STATUSES) + "."));
        }
        try {
            List<EventView> events = queries.events(new EventFilter(status, instant(from), instant(to)));
            return HttpResponse.ok(events);
        } catch (DateTimeParseException e) {
            return HttpResponse.badRequest(Map.of("message", "from and to are ISO-8601 instants, e.g. 2025-06-01T00:00:00Z: "
                    + e.getParsedString() + " is not one."));
        }
    }

    @Get("/{id}")
    HttpResponse<?> detail(@PathVariable UUID id) throws SQLException {
        return queries.event(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(Map.of("message", "No event " + id + " (or it was removed from Airtable).")));
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value.strip());
    }
}
