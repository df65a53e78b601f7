-- One row per sync name again: the latest run of each is kept, the earlier runs are dropped. The table is created
-- under its own name (no rebuild-and-rename, which would store a different CREATE text), so the schema is exactly as
-- before the up script.
CREATE TABLE sync_metadata_latest_runs AS
SELECT id, sync_name, finished_at, status, records_synced, error_message, updated_at
FROM sync_metadata AS older
WHERE NOT EXISTS (SELECT 1 FROM sync_metadata AS newer
                  WHERE newer.sync_name = older.sync_name
                    AND (newer.started_at > older.started_at OR (newer.started_at = older.started_at AND newer.id > older.id)));

DROP TABLE sync_metadata;

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

INSERT INTO sync_metadata (id, table_name, last_sync_at, status, records_synced, error_message, updated_at)
SELECT id, sync_name, finished_at, status, records_synced, error_message, updated_at FROM sync_metadata_latest_runs;

DROP TABLE sync_metadata_latest_runs;

CREATE TRIGGER trg_sync_metadata_updated_at
    AFTER UPDATE ON sync_metadata
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE sync_metadata SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
