package dev.huddle.meetings.meeting;

import dev.huddle.web.RequestProblem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a meeting is in its life, derived from its start and end times; written lower case in the API. */
public enum MeetingStatus {
    SCHEDULED("started_at IS NULL AND ended_at IS NULL"),
    ACTIVE("started_at IS NOT NULL AND ended_at IS NULL"),
    ENDED("ended_at IS NOT NULL");

    private final String condition;

    MeetingStatus(String condition) {
        this.condition = condition;
    }

    /** The SQL condition (on {@code meetings}) that selects meetings of this status. */
    String condition() {
        return condition;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MeetingStatus parse(String text) {
        for (MeetingStatus status : values()) {
            if (status.label().equals(text)) {
                return status;
            }
        }
        throw RequestProblem.invalid("Unknown meeting status '" + text + "'; use one of "
                + Arrays.stream(values()).map(MeetingStatus::label).collect(Collectors.joining(", ")) + ".");
    }
}
