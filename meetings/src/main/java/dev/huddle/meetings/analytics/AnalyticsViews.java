package dev.huddle.meetings.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** What the analytics endpoints answer. */
public final class AnalyticsViews {
    private AnalyticsViews() {
    }

    /** A recorded event. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(String id, String meetingId, @Nullable String participantId, String eventType, String createdAt) {
    }

    /**
     * One meeting at a glance: everyone who joined, who is still there, how long it ran (until now while active;
     * absent before it starts), and its events by type.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(String meetingId, String status, long participants, long present,
                          @Nullable Long durationSeconds, Map<String, Long> eventsByType) {
    }
}
