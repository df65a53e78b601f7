package dev.huddle.meetings.meeting;

import dev.huddle.meetings.sql.TimestampColumn;
import dev.huddle.meetings.sql.UuidColumn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code meetings}. Its status is not stored: a meeting is scheduled until it starts, active until it
 * ends. {@code invitedParticipants} is the JSON array of invitees, who have no participants row until they join.
 */
@MappedEntity("meetings")
public record Meeting(
        @Id @UuidColumn UUID id,
        String roomName,
        String title,
        String hostIdentity,
        @Nullable @TimestampColumn Instant scheduledAt,
        @Nullable @TimestampColumn Instant startedAt,
        @Nullable @TimestampColumn Instant endedAt,
        @TimestampColumn Instant createdAt,
        @TimestampColumn Instant updatedAt,
        String invitedParticipants) {

    public MeetingStatus status() {
        if (endedAt != null) {
            return MeetingStatus.ENDED;
        }
        return startedAt == null ? MeetingStatus.SCHEDULED : MeetingStatus.ACTIVE;
    }
}
