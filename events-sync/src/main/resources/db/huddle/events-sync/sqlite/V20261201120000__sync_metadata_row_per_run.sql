-- Each sync run gets its own row from now on: its start, end, status, counts and errors. The rows already here (one
-- per table) are kept as the first runs. SQLite cannot drop the old unique constraint, so the table is rebuilt.
CREATE TABLE sync_metadata_by_run (
    id             TEXT    NOT NULL,
    -- A run syncs several tables (events, then their attendees), so it is named after the sync, not after a table.
    sync_name      TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'idle'
                   CONSTRAINT ck_sync_metadata_status CHECK (status IN ('idle', 'running', 'succeeded', 'failed')),
    started_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    finished_at    TEXT,
    -- A running sync moves this forward as it works; a 'running' row whose heartbeat stopped is a crashed run.
    heartbeat_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- The number of records read from Airtable; the counts below say what the run did with them.
    records_synced INTEGER NOT NULL DEFAULT 0,
    created_count  INTEGER NOT NULL DEFAULT 0,
    updated_count  INTEGER NOT NULL DEFAULT 0,
    removed_count  INTEGER NOT NULL DEFAULT 0,
    skipped_count  INTEGER NOT NULL DEFAULT 0,
    error_message  TEXT,
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_sync_metadata PRIMARY KEY (id),
    CONSTRAINT ck_sync_metadata_records_synced CHECK (records_synced >= 0),
    CONSTRAINT ck_sync_metadata_created_count CHECK (created_count >= 0),
    CONSTRAINT ck_sync_metadata_updated_count CHECK (updated_count >= 0),
    CONSTRAINT ck_sync_metadata_removed_count CHECK (removed_count >= 0),
    CONSTRAINT ck_sync_metadata_skipped_count CHECK (skipped_count >= 0)
);

INSERT INTO sync_metadata_by_run (id, sync_name, status, started_at, finished_at, heartbeat_at, records_synced, error_message, updated_at)
SELECT id, table_name, status, coalesce(last_sync_at, updated_at), last_sync_at, coalesce(last_sync_at, updated_at),
       records_synced, error_message, updated_at
FROM sync_metadata;

DROP TABLE sync_metadata;
ALTER TABLE sync_metadata_by_run RENAME TO sync_metadata;

-- The guard that keeps two app instances from running one sync at once, the same on both engines: a run starts by
-- inserting its 'running' row, and this index lets only one such row exist per sync.
CREATE UNIQUE INDEX uq_sync_metadata_one_running ON sync_metadata (sync_name) WHERE status = 'running';
CREATE INDEX idx_sync_metadata_sync_name_started_at ON sync_metadata (sync_name, started_at);

CREATE TRIGGER trg_sync_metadata_updated_at
    AFTER UPDATE ON sync_metadata
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE sync_metadata SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
