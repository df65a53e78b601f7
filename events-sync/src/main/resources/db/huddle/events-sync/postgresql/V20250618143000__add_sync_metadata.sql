CREATE TYPE sync_status AS ENUM ('idle', 'running', 'succeeded', 'failed');

CREATE TABLE sync_metadata (
    id             uuid        NOT NULL DEFAULT gen_random_uuid(),
    table_name     text        NOT NULL,
    last_sync_at   timestamptz,
    status         sync_status NOT NULL DEFAULT 'idle',
    records_synced integer     NOT NULL DEFAULT 0,
    error_message  text,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_sync_metadata PRIMARY KEY (id),
    -- One bookkeeping row per synced Airtable table, upserted after each run.
    CONSTRAINT uq_sync_metadata_table_name UNIQUE (table_name),
    CONSTRAINT ck_sync_metadata_records_synced CHECK (records_synced >= 0)
);

CREATE TRIGGER trg_sync_metadata_updated_at
    BEFORE UPDATE ON sync_metadata
    FOR EACH ROW EXECUTE FUNCTION events_sync_set_updated_at();
