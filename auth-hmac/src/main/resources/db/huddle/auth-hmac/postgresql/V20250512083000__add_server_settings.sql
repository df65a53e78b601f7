-- Prefixed per module so merged schemas never collide on a shared function name.
CREATE FUNCTION auth_hmac_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- As on SQLite: a value the update sets itself is kept; otherwise the row is stamped now.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TABLE server_settings (
    id                smallint    NOT NULL DEFAULT 1,
    server_name       text        NOT NULL DEFAULT 'Huddle',
    registration_mode text        NOT NULL DEFAULT 'invite_only',
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_server_settings PRIMARY KEY (id),
    -- Single-row table: settings are global to the server.
    CONSTRAINT ck_server_settings_single_row CHECK (id = 1),
    CONSTRAINT ck_server_settings_registration_mode CHECK (registration_mode IN ('open', 'closed', 'invite_only'))
);

CREATE TRIGGER trg_server_settings_updated_at
    BEFORE UPDATE ON server_settings
    FOR EACH ROW EXECUTE FUNCTION auth_hmac_set_updated_at();

-- Seed the one row so the app only ever needs UPDATE.
INSERT INTO server_settings (id) VALUES (1);
