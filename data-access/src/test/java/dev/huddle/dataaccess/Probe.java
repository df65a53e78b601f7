package dev.huddle.dataaccess;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of the probe table the data-access tests create: a uuid, a text and a time, the types that differ by dialect. */
@MappedEntity("data_access_probe")
public record Probe(@Id UUID id, String label, Instant seenAt) {
}
