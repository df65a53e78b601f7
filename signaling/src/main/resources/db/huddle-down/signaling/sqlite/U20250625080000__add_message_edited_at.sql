ALTER TABLE messages DROP COLUMN edited_at;
