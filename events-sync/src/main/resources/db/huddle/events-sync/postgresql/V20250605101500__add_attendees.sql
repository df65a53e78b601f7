CREATE TYPE attendee_registration_status AS ENUM ('registered', 'waitlisted', 'cancelled', 'attended');

CREATE TABLE attendees (
    id                  uuid                         NOT NULL DEFAULT gen_random_uuid(),
    event_id            uuid                         NOT NULL,
    airtable_id         text                         NOT NULL,
    name                text,
    email               text,
    registration_status attendee_registration_status NOT NULL DEFAULT 'registered',
    created_at          timestamptz                  NOT NULL DEFAULT now(),
    updated_at          timestamptz                  NOT NULL DEFAULT now(),
    CONSTRAINT pk_attendees PRIMARY KEY (id),
    -- The sync job upserts on the Airtable record id.
    CONSTRAINT uq_attendees_airtable_id UNIQUE (airtable_id),
    CONSTRAINT fk_attendees_event_id FOREIGN KEY (event_id) REFERENCES events (id) ON DELETE CASCADE
);

CREATE INDEX idx_attendees_event_id ON attendees (event_id);
CREATE INDEX idx_attendees_email ON attendees (email);

CREATE TRIGGER trg_attendees_updated_at
    BEFORE UPDATE ON attendees
    FOR EACH ROW EXECUTE FUNCTION events_sync_set_updated_at();
