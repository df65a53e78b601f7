CREATE TABLE events (
    id            TEXT NOT NULL,
    airtable_id   TEXT NOT NULL,
    name          TEXT NOT NULL,
    description   TEXT,
    starts_at     TEXT,
    ends_at       TEXT,
    location      TEXT,
    poc_name      TEXT,
    poc_email     TEXT,
    triage_status TEXT NOT NULL DEFAULT 'untriaged'
                  CONSTRAINT ck_events_triage_status CHECK (triage_status IN ('untriaged', 'in_review', 'approved', 'rejected')),
    -- When this row was last refreshed from Airtable (NULL = created locally, never synced).
    synced_at     TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_events PRIMARY KEY (id),
    -- The sync job upserts on the Airtable record id.
    CONSTRAINT uq_events_airtable_id UNIQUE (airtable_id),
    CONSTRAINT ck_events_ends_after_starts CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX idx_events_starts_at ON events (starts_at);
CREATE INDEX idx_events_triage_status ON events (triage_status);

-- The WHEN guard keeps an explicit updated_at from the app and stops the trigger re-firing itself.
CREATE TRIGGER trg_events_updated_at
    AFTER UPDATE ON events
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE events SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
