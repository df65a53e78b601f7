-- huddle:lint-ignore H005 release 0.1 ships this with the events table, so the check scans an empty table.
SET LOCAL lock_timeout = '5s';

-- Nullable: Airtable events without a capacity field stay unlimited.
ALTER TABLE events
    ADD COLUMN capacity integer CONSTRAINT ck_events_capacity_positive CHECK (capacity > 0);
