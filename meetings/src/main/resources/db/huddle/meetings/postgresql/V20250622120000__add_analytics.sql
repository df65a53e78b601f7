CREATE TABLE analytics (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    meeting_id     uuid        NOT NULL,
    -- NULL for meeting-level events that are not tied to one participant.
    participant_id uuid,
    event_type     text        NOT NULL,
    payload        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_analytics PRIMARY KEY (id),
    CONSTRAINT fk_analytics_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_analytics_participant_id FOREIGN KEY (participant_id) REFERENCES participants (id) ON DELETE CASCADE
);

CREATE INDEX idx_analytics_meeting_id ON analytics (meeting_id);
CREATE INDEX idx_analytics_participant_id ON analytics (participant_id);
CREATE INDEX idx_analytics_event_type ON analytics (event_type);
-- Timeline reports read one meeting's events in time order.
CREATE INDEX idx_analytics_meeting_id_created_at ON analytics (meeting_id, created_at);
