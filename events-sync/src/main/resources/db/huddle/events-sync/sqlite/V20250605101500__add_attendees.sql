CREATE TABLE attendees (
    id                  TEXT NOT NULL,
    event_id            TEXT NOT NULL,
    airtable_id         TEXT NOT NULL,
    name                TEXT,
    email               TEXT,
    registration_status TEXT NOT NULL DEFAULT 'registered'
                        CONSTRAINT ck_attendees_registration_status CHECK (registration_status IN ('registered', 'waitlisted', 'cancelled', 'attended')),
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_attendees PRIMARY KEY (id),
    -- The sync job upserts on the Airtable record id.
    CONSTRAINT uq_attendees_airtable_id UNIQUE (airtable_id),
    CONSTRAINT fk_attendees_event_id FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

CREATE INDEX idx_attendees_event_id ON attendees (event_id);
CREATE INDEX idx_attendees_email ON attendees (email);

CREATE TRIGGER trg_attendees_updated_at
    AFTER UPDATE ON attendees
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE attendees SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
