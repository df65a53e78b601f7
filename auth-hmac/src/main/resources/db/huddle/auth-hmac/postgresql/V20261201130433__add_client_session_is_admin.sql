SET LOCAL lock_timeout = '5s';

-- An admin session may change the server settings, invite and admit guests. Existing sessions stay ordinary; the
-- first admin comes from the configured bootstrap token. A constant default adds the column without a table rewrite.
ALTER TABLE client_sessions ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
