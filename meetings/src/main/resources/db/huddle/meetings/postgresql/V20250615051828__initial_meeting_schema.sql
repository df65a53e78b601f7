-- Prefixed per module so merged schemas never collide on a shared function name.
CREATE FUNCTION meetings_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- As on SQLite: a value the update sets itself is kept; otherwise the row is stamped now.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TABLE meetings (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    room_name     text        NOT NULL,
    title         text        NOT NULL DEFAULT '',
    host_identity text        NOT NULL,
    scheduled_at  timestamptz,
    started_at    timestamptz,
    ended_at      timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_meetings PRIMARY KEY (id),
    CONSTRAINT ck_meetings_ended_after_started CHECK (ended_at IS NULL OR started_at IS NULL OR ended_at >= started_at)
);

-- Room names are reused across meetings, so this is a lookup index, not a unique one.
CREATE INDEX idx_meetings_room_name ON meetings (room_name);
CREATE INDEX idx_meetings_created_at ON meetings (created_at);

CREATE TRIGGER trg_meetings_updated_at
    BEFORE UPDATE ON meetings
    FOR EACH ROW EXECUTE FUNCTION meetings_set_updated_at();

CREATE TABLE participants (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    meeting_id uuid        NOT NULL,
    identity   text        NOT NULL,
    name       text,
    joined_at  timestamptz NOT NULL DEFAULT now(),
    left_at    timestamptz,
    CONSTRAINT pk_participants PRIMARY KEY (id),
    CONSTRAINT fk_participants_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_participants_meeting_id ON participants (meeting_id);
-- "Who is still in the meeting" queries filter on left_at IS NULL per meeting.
CREATE INDEX idx_participants_meeting_id_left_at ON participants (meeting_id, left_at);
