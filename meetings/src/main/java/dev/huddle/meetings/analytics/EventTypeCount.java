package dev.huddle.meetings.analytics;

import io.micronaut.core.annotation.Introspected;

/** How many events of one type a meeting has. */
@Introspected
public record EventTypeCount(String eventType, long total) {
}
