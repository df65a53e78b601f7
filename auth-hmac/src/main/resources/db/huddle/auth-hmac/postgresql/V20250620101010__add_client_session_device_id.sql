-- huddle:lint-ignore H001 release 0.1 ships this with the client_sessions table, so it is empty on every install.
SET LOCAL lock_timeout = '5s';

-- Nullable: sessions created before device binding have no device.
ALTER TABLE client_sessions ADD COLUMN device_id text;

-- Lets a user revoke every session of one device.
CREATE INDEX idx_client_sessions_device_id ON client_sessions (device_id);
