-- Index first: SQLite refuses to drop an indexed column.
DROP INDEX idx_client_sessions_device_id;
ALTER TABLE client_sessions DROP COLUMN device_id;
