-- Nullable: Airtable events without a capacity field stay unlimited.
ALTER TABLE events
    ADD COLUMN capacity integer CONSTRAINT ck_events_capacity_positive CHECK (capacity > 0);
