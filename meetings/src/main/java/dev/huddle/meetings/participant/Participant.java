package dev.huddle.meetings.participant;

import dev.huddle.meetings.sql.TimestampColumn;
import dev.huddle.meetings.sql.UuidColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code participants}: one per identity per meeting; {@code leftAt} is set while they are away. */
@MappedEntity("participants")
public record Participant(
        @Id @UuidColumn UUID id,
        @UuidColumn UUID meetingId,
        String identity,
        @Nullable String name,
        @TimestampColumn Instant joinedAt,
        @Nullable @TimestampColumn Instant leftAt) {
}
