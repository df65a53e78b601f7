package dev.huddle.meetings.analytics;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import dev.huddle.meetings.meeting.Meeting;
import dev.huddle.meetings.meeting.MeetingService;
import dev.huddle.meetings.participant.Participant;
import dev.huddle.meetings.participant.ParticipantRepository;
import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Records a meeting's events and sums them up with its participants and duration. */
@Singleton
public class AnalyticsService {
    private final MeetingService meetings;
    private final ParticipantRepository participants;
    private final AnalyticsRepository events;
    private final JsonBodies json;

    public AnalyticsService(MeetingService meetings, ParticipantRepository participants, AnalyticsRepository events,
                            JsonBodies json) {
        this.meetings = meetings;
        this.participants = participants;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public AnalyticsViews.Event record(UUID meetingId, AnalyticsRequests request) {
        String type = RequestValues.text(request.eventType(), "eventType", 100);
        meetings.find(meetingId);
        UUID participantId = null;
        if (request.participantId() != null) {
            participantId = RequestValues.uuid(request.participantId(), "participantId");
            if (participants.findByIdAndMeetingId(participantId, meetingId).isEmpty()) {
                throw RequestProblem.invalid("Participant " + participantId + " is not in meeting " + meetingId
                        + "; send the id of one of its participants, or none for a meeting-wide event.");
            }
        }
        Map<String, Object> payload = request.payload() == null ? Map.of() : request.payload();
        AnalyticsEvent saved = events.save(new AnalyticsEvent(UUID.randomUUID(), meetingId, participantId, type,
                json.write(payload), ColumnValues.now()));
        return new AnalyticsViews.Event(saved.id().toString(), meetingId.toString(),
                participantId == null ? null : participantId.toString(), type, saved.createdAt().toString());
    }

    @Transactional
    public AnalyticsViews.Summary summary(UUID meetingId) {
        Meeting meeting = meetings.find(meetingId);
        List<Participant> everyone = participants.findByMeetingIdOrderByJoinedAt(meetingId);
        long present = everyone.stream().filter(participant -> participant.leftAt() == null).count();
        Map<String, Long> byType = new LinkedHashMap<>();
        for (EventTypeCount count : events.countByType(meetingId)) {
            byType.put(count.eventType(), count.total());
        }
        return new AnalyticsViews.Summary(meetingId.toString(), meeting.status().label(), everyone.size(), present,
                duration(meeting), byType);
    }

    private static Long duration(Meeting meeting) {
        if (meeting.startedAt() == null) {
            return null;
        }
        Instant end = meeting.endedAt() == null ? Instant.now() : meeting.endedAt();
        return Duration.between(meeting.startedAt(), end).toSeconds();
    }
}
