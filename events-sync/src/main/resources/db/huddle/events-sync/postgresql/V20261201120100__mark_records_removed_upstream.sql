SET LOCAL lock_timeout = '5s';

-- Set by the sync when a record is no longer in Airtable, cleared if it comes back. The row stays (attendance history
-- outlives a deleted Airtable record); the events API hides it.
ALTER TABLE events ADD COLUMN removed_upstream_at timestamptz;
ALTER TABLE attendees ADD COLUMN removed_upstream_at timestamptz;
