package dev.huddle.eventssync.api;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** An event as the API shows it. */
@Serdeable
public record EventView(UUID id, String airtableId, String name, String description, Instant startsAt, Instant endsAt,
                        String location, String pocName, String pocEmail, String triageStatus, Integer capacity,
                        Instant syncedAt) {
}
