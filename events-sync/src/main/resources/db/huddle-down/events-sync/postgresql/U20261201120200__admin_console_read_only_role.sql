-- Reverts the PostgreSQL-only up script of the same version (SQLite has no roles).
REVOKE SELECT ON events, admins, attendees, sync_metadata FROM huddle_admin_console;

DO $$
BEGIN
    EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM huddle_admin_console', current_schema());
    EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM huddle_admin_console', current_database());
    -- The role is the server's: it goes only when no other database still grants it something.
    BEGIN
        DROP ROLE huddle_admin_console;
    EXCEPTION
        WHEN dependent_objects_still_exist THEN NULL;
    END;
END;
$$;
