package dev.huddle.meetings.recording;

import dev.huddle.web.RequestProblem;
import dev.huddle.web.RequestValues;
import dev.huddle.meetings.meeting.Meeting;
import dev.huddle.meetings.meeting.MeetingService;
import dev.huddle.meetings.meeting.MeetingStatus;
import dev.huddle.meetings.sql.ColumnValues;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Recordings of a meeting: started with an egress id, then completed or failed exactly once. */
@Singleton
public class RecordingService {
    private final MeetingService meetings;
    private final RecordingRepository recordings;

    public RecordingService(MeetingService meetings, RecordingRepository recordings) {
        this.meetings = meetings;
        this.recordings = recordings;
    }

    @Transactional
    public RecordingView start(UUID meetingId, RecordingRequests.Start request) {
        String egressId = RequestValues.text(request.egressId(), "egressId", 200);
        Meeting meeting = meetings.find(meetingId);
        if (meeting.status() != MeetingStatus.ACTIVE) {
            throw RequestProblem.conflict("Meeting " + meetingId + " is " + meeting.status().label()
                    + "; only an active meeting can be recorded.");
        }
        Instant now = ColumnValues.now();
        return RecordingView.of(recordings.save(new Recording(UUID.randomUUID(), meetingId, egressId, RecordingStatus.ACTIVE,
                null, null, now, null, now)));
    }

    @Transactional
    public RecordingView complete(UUID recordingId, RecordingRequests.Finish request) {
        String path = RequestValues.text(request.storagePath(), "storagePath", 1000);
        if (request.sizeBytes() == null) {
            throw RequestProblem.invalid("The field 'sizeBytes' is missing; send the size of the stored file in bytes.");
        }
        return finish(recordingId, RecordingStatus.COMPLETE, path, size(request.sizeBytes()));
    }

    @Transactional
    public RecordingView fail(UUID recordingId, RecordingRequests.Finish request) {
        String path = RequestValues.optionalText(request.storagePath(), "storagePath", 1000);
        return finish(recordingId, RecordingStatus.FAILED, path, request.sizeBytes() == null ? null : size(request.sizeBytes()));
    }

    @Transactional
    public List<RecordingView> list(UUID meetingId) {
        meetings.find(meetingId);
        return recordings.findByMeetingIdOrderByCreatedAt(meetingId).stream().map(RecordingView::of).toList();
    }

    private RecordingView finish(UUID recordingId, RecordingStatus outcome, String path, Long size) {
        Recording recording = recordings.findById(recordingId).orElseThrow(() -> RequestProblem.notFound("recording", recordingId));
        if (recording.status().finished()) {
            throw RequestProblem.conflict("Recording " + recordingId + " is already " + recording.status().label()
                    + "; a recording finishes once.");
        }
        return RecordingView.of(recordings.update(recording.finish(outcome, path, size, ColumnValues.now())));
    }

    private static long size(long bytes) {
        if (bytes < 0) {
            throw RequestProblem.invalid("sizeBytes is " + bytes + "; send the file size, 0 or more bytes.");
        }
        return bytes;
    }
}
