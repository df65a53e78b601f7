package dev.huddle.eventssync.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** An attendee of an event as the API shows it. */
@Serdeable
public record AttendeeView(UUID id, String airtableId, String name, String email, String registrationStatus) {
}
