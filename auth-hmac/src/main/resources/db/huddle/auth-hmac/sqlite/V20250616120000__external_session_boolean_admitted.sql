-- Kept for the record only and excluded from the migration runner:
-- external_sessions lives in memory only, there is no such table in the database.
ALTER TABLE external_sessions ADD COLUMN admitted INTEGER NOT NULL DEFAULT 0 CHECK (admitted IN (0, 1));
