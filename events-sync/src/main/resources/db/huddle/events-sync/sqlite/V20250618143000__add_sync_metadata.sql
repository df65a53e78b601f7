CREATE TABLE sync_metadata (
    id             TEXT    NOT NULL,
    table_name     TEXT    NOT NULL,
    last_sync_at   TEXT,
    status         TEXT    NOT NULL DEFAULT 'idle'
                   CONSTRAINT ck_sync_metadata_status CHECK (status IN ('idle', 'running', 'succeeded', 'failed')),
    records_synced INTEGER NOT NULL DEFAULT 0,
    error_message  TEXT,
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_sync_metadata PRIMARY KEY (id),
    -- One bookkeeping row per synced Airtable table, upserted after each run.
    CONSTRAINT uq_sync_metadata_table_name UNIQUE (table_name),
    CONSTRAINT ck_sync_metadata_records_synced CHECK (records_synced >= 0)
);

CREATE TRIGGER trg_sync_metadata_updated_at
    AFTER UPDATE ON sync_metadata
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE sync_metadata SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
