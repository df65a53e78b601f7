package dev.huddle.meetings.recording;

import java.util.Locale;

/** The egress lifecycle the schema allows (PostgreSQL enum recording_status, a CHECK on SQLite). */
public enum RecordingStatus {
    STARTING, ACTIVE, ENDING, COMPLETE, FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETE || this == FAILED;
    }
}
