-- Set by the sync when a record is no longer in Airtable, cleared if it comes back. The row stays (attendance history
-- outlives a deleted Airtable record); the events API hides it.
ALTER TABLE events ADD COLUMN removed_upstream_at TEXT;
ALTER TABLE attendees ADD COLUMN removed_upstream_at TEXT;
