CREATE TYPE admin_permission_level AS ENUM ('viewer', 'editor', 'owner');

CREATE TABLE admins (
    id               uuid                   NOT NULL DEFAULT gen_random_uuid(),
    email            text                   NOT NULL,
    name             text,
    permission_level admin_permission_level NOT NULL DEFAULT 'viewer',
    created_at       timestamptz            NOT NULL DEFAULT now(),
    updated_at       timestamptz            NOT NULL DEFAULT now(),
    CONSTRAINT pk_admins PRIMARY KEY (id),
    -- Admins sign in and are synced by email; lowercase-only keeps the unique check case-insensitive.
    CONSTRAINT uq_admins_email UNIQUE (email),
    CONSTRAINT ck_admins_email_lowercase CHECK (email = lower(email))
);

CREATE TRIGGER trg_admins_updated_at
    BEFORE UPDATE ON admins
    FOR EACH ROW EXECUTE FUNCTION events_sync_set_updated_at();
