package dev.huddle.meetings.meeting;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A page of the meeting list: an optional status, an optional range [from, to) of the meeting's time (when it
 * started, else when it is scheduled, else when it was created), where the previous page ended, and a page size.
 */
record MeetingQuery(@Nullable MeetingStatus status, @Nullable Instant from, @Nullable Instant to,
                    @Nullable MeetingCursor after, int limit) {
}
