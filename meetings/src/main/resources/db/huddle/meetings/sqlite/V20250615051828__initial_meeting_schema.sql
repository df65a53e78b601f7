CREATE TABLE meetings (
    id            TEXT NOT NULL,
    room_name     TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    host_identity TEXT NOT NULL,
    scheduled_at  TEXT,
    started_at    TEXT,
    ended_at      TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_meetings PRIMARY KEY (id),
    CONSTRAINT ck_meetings_ended_after_started CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);

-- Room names are reused across meetings, so this is a lookup index, not a unique one.
CREATE INDEX idx_meetings_room_name ON meetings (room_name);
CREATE INDEX idx_meetings_created_at ON meetings (created_at);

-- The WHEN guard keeps an explicit updated_at from the app and stops the trigger re-firing itself.
CREATE TRIGGER trg_meetings_updated_at
    AFTER UPDATE ON meetings
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE meetings SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;

CREATE TABLE participants (
    id         TEXT NOT NULL,
    meeting_id TEXT NOT NULL,
    identity   TEXT NOT NULL,
    name       TEXT,
    joined_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    left_at    TEXT,
    CONSTRAINT pk_participants PRIMARY KEY (id),
    CONSTRAINT fk_participants_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_participants_meeting_id ON participants (meeting_id);
-- "Who is still in the meeting" queries filter on left_at IS NULL per meeting.
CREATE INDEX idx_participants_meeting_id_left_at ON participants (meeting_id, left_at);
