package dev.huddle.meetings.recording;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The bodies the recordings endpoints accept. */
public final class RecordingRequests {
    private RecordingRequests() {
    }

    /** Starting a recording: the media server's egress id. */
    @Serdeable
    public record Start(@Nullable String egressId) {
    }

    /** Completing or failing one: where the file is and how large (both required to complete). */
    @Serdeable
    public record Finish(@Nullable String storagePath, @Nullable Long sizeBytes) {
    }
}
