package dev.huddle.meetings.recording;

import dev.huddle.meetings.sql.TimestampColumn;
import dev.huddle.meetings.sql.UuidColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code recordings}: one egress of a meeting, identified by the media server's egress id. */
@MappedEntity("recordings")
public record Recording(
        @Id @UuidColumn UUID id,
        @UuidColumn UUID meetingId,
        String egressId,
        @MappedProperty(converter = RecordingStatusConverter.class) RecordingStatus status,
        @Nullable String storagePath,
        @Nullable Long sizeBytes,
        @Nullable @TimestampColumn Instant startedAt,
        @Nullable @TimestampColumn Instant endedAt,
        @TimestampColumn Instant createdAt) {

    Recording finish(RecordingStatus outcome, @Nullable String path, @Nullable Long size, Instant at) {
        return new Recording(id, meetingId, egressId, outcome, path, size, startedAt, at, createdAt);
    }
}
