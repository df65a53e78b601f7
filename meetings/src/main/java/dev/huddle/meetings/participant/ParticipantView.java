package dev.huddle.meetings.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A participant as the API shows it; {@code present} is whether they are in the meeting now. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ParticipantView(String id, String meetingId, String identity, @Nullable String name, String joinedAt,
                              @Nullable String leftAt, boolean present) {

    static ParticipantView of(Participant participant) {
        return new ParticipantView(participant.id().toString(), participant.meetingId().toString(), participant.identity(),
                participant.name(), participant.joinedAt().toString(),
                participant.leftAt() == null ? null : participant.leftAt().toString(), participant.leftAt() == null);
    }
}
