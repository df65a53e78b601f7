package dev.huddle.meetings.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The bodies the meetings endpoints accept; every field is checked by {@link MeetingService}. */
public final class MeetingRequests {
    private MeetingRequests() {
    }

    /** Without {@code scheduledAt} the meeting is instant: it starts now. */
    @Serdeable
    public record Create(@Nullable String roomName, @Nullable String title, @Nullable String hostIdentity,
                         @Nullable String scheduledAt, @Nullable List<String> invitedParticipants) {
    }

    /** Fields left out stay as they are. */
    @Serdeable
    public record Update(@Nullable String title, @Nullable String scheduledAt, @Nullable List<String> invitedParticipants) {
    }
}
