-- An admin session may change the server settings, invite and admit guests. Existing sessions stay ordinary; the
-- first admin comes from the configured bootstrap token. SQLite has no boolean type: 0 or 1, as JDBC writes it.
ALTER TABLE client_sessions ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1));
