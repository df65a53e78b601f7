CREATE TABLE analytics (
    id             TEXT NOT NULL,
    meeting_id     TEXT NOT NULL,
    -- NULL for meeting-level events that are not tied to one participant.
    participant_id TEXT,
    event_type     TEXT NOT NULL,
    payload        TEXT NOT NULL DEFAULT '{}' CONSTRAINT ck_analytics_payload_json CHECK (json_valid(payload)),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_analytics PRIMARY KEY (id),
    CONSTRAINT fk_analytics_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_analytics_participant_id FOREIGN KEY (participant_id) REFERENCES participants (id) ON DELETE CASCADE
);

CREATE INDEX idx_analytics_meeting_id ON analytics (meeting_id);
CREATE INDEX idx_analytics_participant_id ON analytics (participant_id);
CREATE INDEX idx_analytics_event_type ON analytics (event_type);
-- Timeline reports read one meeting's events in time order.
CREATE INDEX idx_analytics_meeting_id_created_at ON analytics (meeting_id, created_at);
