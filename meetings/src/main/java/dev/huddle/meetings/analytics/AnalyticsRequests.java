package dev.huddle.meetings.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** The body of an analytics event: its type, optionally the participant it concerns, and any JSON object. */
@Serdeable
public record AnalyticsRequests(@Nullable String eventType, @Nullable String participantId,
                                @Nullable Map<String, Object> payload) {
}
