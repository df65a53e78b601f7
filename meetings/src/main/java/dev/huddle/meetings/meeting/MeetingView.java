package dev.huddle.meetings.meeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A meeting as the API shows it; timestamps are ISO-8601 UTC strings, and absent values are written as null. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeetingView(String id, String roomName, String title, String hostIdentity, String status,
                          @Nullable String scheduledAt, @Nullable String startedAt, @Nullable String endedAt,
                          String createdAt, String updatedAt, List<String> invitedParticipants) {

    static MeetingView of(Meeting meeting, List<String> invited) {
        return new MeetingView(meeting.id().toString(), meeting.roomName(), meeting.title(), meeting.hostIdentity(),
                meeting.status().label(), text(meeting.scheduledAt()), text(meeting.startedAt()), text(meeting.endedAt()),
                text(meeting.createdAt()), text(meeting.updatedAt()), invited);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** One page of the list and the cursor of the next, absent on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<MeetingView> items, @Nullable String nextCursor) {
    }
}
