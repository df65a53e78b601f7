package dev.huddle.meetings.analytics;

import dev.huddle.meetings.sql.TimestampColumn;
import dev.huddle.meetings.sql.UuidColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code analytics}: one event of a meeting, of one participant or of the meeting as a whole. */
@MappedEntity("analytics")
public record AnalyticsEvent(
        @Id @UuidColumn UUID id,
        @UuidColumn UUID meetingId,
        @Nullable @UuidColumn UUID participantId,
        String eventType,
        String payload,
        @TimestampColumn Instant createdAt) {
}
