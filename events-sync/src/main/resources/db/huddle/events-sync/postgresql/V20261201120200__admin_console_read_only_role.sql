-- huddle:dialect-only SQLite has no roles or logins: an admin console opens the database file itself, read-only
-- The admin console (seed 003) reads events, admins, attendees and sync runs and writes nothing. No password may live
-- in a script: it would ship in the jar, in the checksummed history and in the server's statement log. So the role is
-- created without LOGIN and without a password, and the app gives it both at boot from
-- huddle.events-sync.admin-console.password (AdminConsoleRole), sending only a SCRAM verifier computed in the driver.
-- A role belongs to the whole server while this script runs once per database, so an existing role is kept; the
-- migrating user needs CREATEROLE (or is the owner of an existing huddle_admin_console).
DO $$
BEGIN
    CREATE ROLE huddle_admin_console NOLOGIN;
EXCEPTION
    -- unique_violation: another database's migration created it at the same moment.
    WHEN duplicate_object OR unique_violation THEN NULL;
END;
$$;

DO $$
BEGIN
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO huddle_admin_console', current_database());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO huddle_admin_console', current_schema());
END;
$$;

GRANT SELECT ON events, admins, attendees, sync_metadata TO huddle_admin_console;
