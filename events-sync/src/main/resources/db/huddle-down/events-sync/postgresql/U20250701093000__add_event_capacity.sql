ALTER TABLE events DROP COLUMN capacity;
