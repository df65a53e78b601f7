package dev.huddle.meetings.meeting;

import dev.huddle.web.JsonBodies;
import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import dev.huddle.meetings.participant.ParticipantRepository;
import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Creates, lists, changes and ends meetings; each change is one transaction. */
@Singleton
public class MeetingService {
    static final int MAX_INVITED = 1000;
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    private static final Argument<List<String>> STRING_LIST = Argument.listOf(String.class);

    private final MeetingRepository meetings;
    private final ParticipantRepository participants;
    
    private final JsonBodies json;

    public MeetingService(MeetingRepository meetings, ParticipantRepository participants, JsonBodies json) {
        this.meetings = meetings;
        this.participants = participants;
        this.json = json;
    }

    @Transactional
    public MeetingView create(MeetingRequests.Create request) {
        String room = RequestValues.text(request.roomName(), "roomName", 200);
        String host = RequestValues.text(request.hostIdentity(), "hostIdentity", 200);
        String title = RequestValues.optionalText(request.title() == null ? "" : request.title(), "title", 500);
        Instant scheduledAt = RequestValues.optionalInstant(request.scheduledAt(), "scheduledAt");
        List<String> invited = invitees(request.invitedParticipants());
        Instant now = ColumnValues.now();
        Meeting meeting = meetings.save(new Meeting(UUID.randomUUID(), room, title, host, scheduledAt,
                scheduledAt == null ? now : null, null, now, now, json.write(invited)));
        return MeetingView.of(meeting, invited);
    }

    /** One read, so no transaction of its own: the hot path of the API. */
    public MeetingView get(UUID id) {
        return view(find(id));
    }

    /** The meeting or a 404; inside the caller's transaction, for the services that act on a meeting's children. */
    public Meeting find(UUID id) {
        return meetings.findOne(id).orElseThrow(() -> RequestProblem.notFound("meeting", id));
    }

    @Transactional
    public MeetingView.Page list(String status, String from, String to, String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw RequestProblem.invalid("limit " + size + " is out of range; ask for 1 to " + MAX_PAGE + " meetings per page.");
        }
        MeetingQuery query = new MeetingQuery(status == null ? null : MeetingStatus.parse(status),
                RequestValues.optionalInstant(from, "from"), RequestValues.optionalInstant(to, "to"),
                cursor == null ? null : MeetingCursor.decode(cursor), size + 1);
        List<Meeting> found = meetings.page(query);
        boolean more = found.size() > size;
        List<Meeting> shown = more ? found.subList(0, size) : found;
        List<MeetingView> items = new ArrayList<>(shown.size());
        for (Meeting meeting : shown) {
            items.add(view(meeting));
        }
        return new MeetingView.Page(items, more ? MeetingCursor.after(shown.get(shown.size() - 1)).encode() : null);
    }

    @Transactional
    public MeetingView update(UUID id, MeetingRequests.Update request) {
        Meeting meeting = find(id);
        if (meeting.status() == MeetingStatus.ENDED) {
            throw RequestProblem.conflict("Meeting " + id + " has ended and can no longer be changed; create a new one.");
        }
        String title = request.title() == null ? meeting.title() : RequestValues.optionalText(request.title(), "title", 500);
        Instant scheduledAt = request.scheduledAt() == null ? meeting.scheduledAt()
                : RequestValues.optionalInstant(request.scheduledAt(), "scheduledAt");
        List<String> invited = request.invitedParticipants() == null ? invited(meeting) : invitees(request.invitedParticipants());
        Meeting changed = meetings.update(new Meeting(meeting.id(), meeting.roomName(), title, meeting.hostIdentity(),
                scheduledAt, meeting.startedAt(), meeting.endedAt(), meeting.createdAt(), ColumnValues.now(), json.write(invited)));
        return MeetingView.of(changed, invited);
    }

    /** Ends the meeting and marks everyone still in it as gone, together. */
    @Transactional
    public MeetingView end(UUID id) {
        Meeting meeting = find(id);
        if (meeting.status() == MeetingStatus.ENDED) {
            throw RequestProblem.conflict("Meeting " + id + " already ended at " + meeting.endedAt() + ".");
        }
        Instant now = ColumnValues.now();
        Meeting ended = meetings.update(new Meeting(meeting.id(), meeting.roomName(), meeting.title(), meeting.hostIdentity(),
                meeting.scheduledAt(), meeting.startedAt(), now, meeting.createdAt(), now, meeting.invitedParticipants()));
        participants.leaveAll(id, now);
        return view(ended);
    }

    private MeetingView view(Meeting meeting) {
        return MeetingView.of(meeting, invited(meeting));
    }

    private List<String> invited(Meeting meeting) {
        return json.parse(meeting.invitedParticipants(), STRING_LIST);
    }

    private static List<String> invitees(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_INVITED) {
            throw RequestProblem.invalid("invitedParticipants has " + requested.size() + " entries; the limit is "
                    + MAX_INVITED + ".");
        }
        for (String identity : requested) {
            RequestValues.text(identity, "invitedParticipants[]", 200);
        }
        return List.copyOf(requested);
    }
}
