-- huddle:lint-ignore H001 sync_metadata holds at most one row per synced table when this runs: the indexes build at once
-- huddle:lint-ignore H004 no code read sync_metadata before the sync job that ships with this script
-- huddle:lint-ignore H005 the count checks scan the same handful of rows
SET LOCAL lock_timeout = '5s';

-- Each sync run gets its own row from now on: its start, end, status, counts and errors. The rows already here (one
-- per table) are kept as the first runs.
ALTER TABLE sync_metadata DROP CONSTRAINT uq_sync_metadata_table_name;
-- A run syncs several tables (events, then their attendees), so it is named after the sync, not after a table.
ALTER TABLE sync_metadata RENAME COLUMN table_name TO sync_name;
ALTER TABLE sync_metadata RENAME COLUMN last_sync_at TO finished_at;

-- records_synced stays the number of records read from Airtable; these say what the run did with them.
ALTER TABLE sync_metadata
    ADD COLUMN started_at    timestamptz NOT NULL DEFAULT now(),
    -- A running sync moves this forward as it works; a 'running' row whose heartbeat stopped is a crashed run.
    ADD COLUMN heartbeat_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN created_count integer     NOT NULL DEFAULT 0 CONSTRAINT ck_sync_metadata_created_count CHECK (created_count >= 0),
    ADD COLUMN updated_count integer     NOT NULL DEFAULT 0 CONSTRAINT ck_sync_metadata_updated_count CHECK (updated_count >= 0),
    ADD COLUMN removed_count integer     NOT NULL DEFAULT 0 CONSTRAINT ck_sync_metadata_removed_count CHECK (removed_count >= 0),
    ADD COLUMN skipped_count integer     NOT NULL DEFAULT 0 CONSTRAINT ck_sync_metadata_skipped_count CHECK (skipped_count >= 0);

UPDATE sync_metadata SET started_at = coalesce(finished_at, updated_at), heartbeat_at = coalesce(finished_at, updated_at);

-- The guard that keeps two app instances from running one sync at once, the same on both engines: a run starts by
-- inserting its 'running' row, and this index lets only one such row exist per sync.
CREATE UNIQUE INDEX uq_sync_metadata_one_running ON sync_metadata (sync_name) WHERE status = 'running';
CREATE INDEX idx_sync_metadata_sync_name_started_at ON sync_metadata (sync_name, started_at);
