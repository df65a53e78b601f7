ALTER TABLE attendees DROP COLUMN removed_upstream_at;
ALTER TABLE events DROP COLUMN removed_upstream_at;
