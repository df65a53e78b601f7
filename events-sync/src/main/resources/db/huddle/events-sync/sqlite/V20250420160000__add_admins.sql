CREATE TABLE admins (
    id               TEXT NOT NULL,
    email            TEXT NOT NULL,
    name             TEXT,
    permission_level TEXT NOT NULL DEFAULT 'viewer'
                     CONSTRAINT ck_admins_permission_level CHECK (permission_level IN ('viewer', 'editor', 'owner')),
    created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_admins PRIMARY KEY (id),
    -- Admins sign in and are synced by email; lowercase-only keeps the unique check case-insensitive.
    CONSTRAINT uq_admins_email UNIQUE (email),
    CONSTRAINT ck_admins_email_lowercase CHECK (email = lower(email))
);

CREATE TRIGGER trg_admins_updated_at
    AFTER UPDATE ON admins
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE admins SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;
