-- Nullable: sessions created before device binding have no device.
ALTER TABLE client_sessions ADD COLUMN device_id text;

-- Lets a user revoke every session of one device.
CREATE INDEX idx_client_sessions_device_id ON client_sessions (device_id);
