CREATE TABLE server_settings (
    id                INTEGER NOT NULL DEFAULT 1,
    server_name       TEXT    NOT NULL DEFAULT 'Huddle',
    registration_mode TEXT    NOT NULL DEFAULT 'invite_only',
    updated_at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_server_settings PRIMARY KEY (id),
    -- Single-row table: settings are global to the server.
    CONSTRAINT ck_server_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_server_settings_registration_mode CHECK (registration_mode IN ('open', 'closed', 'invite_only'))
);

-- The WHEN guard keeps an explicit updated_at from the app and stops the trigger re-firing itself.
CREATE TRIGGER trg_server_settings_updated_at
    AFTER UPDATE ON server_settings
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE server_settings SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;

-- Seed the one row so the app only ever needs UPDATE.
INSERT INTO server_settings (id) VALUES (1);
