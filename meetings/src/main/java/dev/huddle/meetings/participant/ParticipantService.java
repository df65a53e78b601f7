package dev.huddle.meetings.participant;

import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import dev.huddle.meetings.meeting.Meeting;
import dev.huddle.meetings.meeting.MeetingService;
import dev.huddle.meetings.meeting.MeetingStatus;
import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Participants joining and leaving a meeting that has not ended. */
@Singleton
public class ParticipantService {
    private final MeetingService meetings;
    private final ParticipantRepository participants;
    private final ParticipantJoins joins;

    public ParticipantService(MeetingService meetings, ParticipantRepository participants, ParticipantJoins joins) {
        this.meetings = meetings;
        this.participants = participants;
        this.joins = joins;
    }

    /** One statement, so no transaction of its own; only a refused join reads the meeting, to say why. */
    public ParticipantView join(UUID meetingId, ParticipantRequests request) {
        String identity = RequestValues.text(request.identity(), "identity", 200);
        String name = RequestValues.optionalText(request.name(), "name", 200);
        return joins.join(UUID.randomUUID(), meetingId, identity, name, ColumnValues.now()).map(ParticipantView::of)
                .orElseThrow(() -> {
                    notEnded(meetings.find(meetingId));
                    // Found and not ended now: it was ended, or is new, since the join's statement ran.
                    return RequestProblem.conflict("Meeting " + meetingId + " changed while joining it; join again.");
                });
    }

    @Transactional
    public ParticipantView leave(UUID meetingId, String identity) {
        meetings.find(meetingId);
        Participant participant = participants.findByMeetingIdAndIdentity(meetingId, identity)
                .orElseThrow(() -> RequestProblem.notFound("participant of meeting " + meetingId + " with identity", identity));
        if (participant.leftAt() == null) {
            participants.leave(meetingId, identity, ColumnValues.now());
        }
        return ParticipantView.of(participants.findByMeetingIdAndIdentity(meetingId, identity).orElseThrow());
    }

    @Transactional
    public List<ParticipantView> list(UUID meetingId) {
        meetings.find(meetingId);
        return participants.findByMeetingIdOrderByJoinedAt(meetingId).stream().map(ParticipantView::of).toList();
    }

    private static void notEnded(Meeting meeting) {
        if (meeting.status() == MeetingStatus.ENDED) {
            throw RequestProblem.conflict("Meeting " + meeting.id() + " has ended; nobody can join it any more.");
        }
    }
}
