package dev.huddle.eventssync.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An event with its attendees (those still in Airtable). */
@Serdeable
public record EventDetail(EventView event, List<AttendeeView> attendees) {
}
