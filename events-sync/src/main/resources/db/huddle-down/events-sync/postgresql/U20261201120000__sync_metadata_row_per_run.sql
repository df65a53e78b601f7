-- One row per sync name again: the latest run of each is kept, the earlier runs are dropped.
DROP INDEX idx_sync_metadata_sync_name_started_at;
DROP INDEX uq_sync_metadata_one_running;
DELETE FROM sync_metadata AS older
WHERE EXISTS (SELECT 1 FROM sync_metadata AS newer
              WHERE newer.sync_name = older.sync_name
                AND (newer.started_at, newer.id) > (older.started_at, older.id));
ALTER TABLE sync_metadata
    DROP COLUMN started_at,
    DROP COLUMN heartbeat_at,
    DROP COLUMN created_count,
    DROP COLUMN updated_count,
    DROP COLUMN removed_count,
    DROP COLUMN skipped_count;
ALTER TABLE sync_metadata RENAME COLUMN finished_at TO last_sync_at;
ALTER TABLE sync_metadata RENAME COLUMN sync_name TO table_name;
ALTER TABLE sync_metadata ADD CONSTRAINT uq_sync_metadata_table_name UNIQUE (table_name);
