package dev.huddle.meetings.recording;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A recording as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordingView(String id, String meetingId, String egressId, String status, @Nullable String storagePath,
                            @Nullable Long sizeBytes, @Nullable String startedAt, @Nullable String endedAt) {

    static RecordingView of(Recording recording) {
        return new RecordingView(recording.id().toString(), recording.meetingId().toString(), recording.egressId(),
                recording.status().label(), recording.storagePath(), recording.sizeBytes(), text(recording.startedAt()),
                text(recording.endedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
