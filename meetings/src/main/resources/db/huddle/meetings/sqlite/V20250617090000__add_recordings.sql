CREATE TABLE recordings (
    id           TEXT NOT NULL,
    meeting_id   TEXT NOT NULL,
    egress_id    TEXT NOT NULL,
    -- Mirrors the egress lifecycle reported by the media server.
    status       TEXT NOT NULL DEFAULT 'starting'
                 CONSTRAINT ck_recordings_status CHECK (status IN ('starting', 'active', 'ending', 'complete', 'failed')),
    storage_path TEXT,
    started_at   TEXT,
    ended_at     TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_recordings PRIMARY KEY (id),
    CONSTRAINT fk_recordings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE INDEX idx_recordings_meeting_id ON recordings (meeting_id);
-- Egress webhooks identify the recording only by egress_id.
CREATE INDEX idx_recordings_egress_id ON recordings (egress_id);
CREATE INDEX idx_recordings_status ON recordings (status);
