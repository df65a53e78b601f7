-- Shared by every events-sync table that has an updated_at column; prefixed per module so merged
-- schemas never collide on a shared function name.
CREATE FUNCTION events_sync_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- As on SQLite: a value the update sets itself is kept; otherwise the row is stamped now.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TYPE event_triage_status AS ENUM ('untriaged', 'in_review', 'approved', 'rejected');

CREATE TABLE events (
    id            uuid                NOT NULL DEFAULT gen_random_uuid(),
    airtable_id   text                NOT NULL,
    name          text                NOT NULL,
    description   text,
    starts_at     timestamptz,
    ends_at       timestamptz,
    location      text,
    poc_name      text,
    poc_email     text,
    triage_status event_triage_status NOT NULL DEFAULT 'untriaged',
    -- When this row was last refreshed from Airtable (NULL = created locally, never synced).
    synced_at     timestamptz,
    created_at    timestamptz         NOT NULL DEFAULT now(),
    updated_at    timestamptz         NOT NULL DEFAULT now(),
    CONSTRAINT pk_events PRIMARY KEY (id),
    -- The sync job upserts on the Airtable record id.
    CONSTRAINT uq_events_airtable_id UNIQUE (airtable_id),
    CONSTRAINT ck_events_ends_after_starts CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX idx_events_starts_at ON events (starts_at);
CREATE INDEX idx_events_triage_status ON events (triage_status);

CREATE TRIGGER trg_events_updated_at
    BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION events_sync_set_updated_at();
