-- Mirrors the egress lifecycle reported by the media server.
CREATE TYPE recording_status AS ENUM ('starting', 'active', 'ending', 'complete', 'failed');

CREATE TABLE recordings (
    id           uuid             NOT NULL DEFAULT gen_random_uuid(),
    meeting_id   uuid             NOT NULL,
    egress_id    text             NOT NULL,
    status       recording_status NOT NULL DEFAULT 'starting',
    storage_path text,
    started_at   timestamptz,
    ended_at     timestamptz,
    created_at   timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT pk_recordings PRIMARY KEY (id),
    CONSTRAINT fk_recordings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_recordings_meeting_id ON recordings (meeting_id);
-- Egress webhooks identify the recording only by egress_id.
CREATE INDEX idx_recordings_egress_id ON recordings (egress_id);
CREATE INDEX idx_recordings_status ON recordings (status);
