ALTER TABLE recordings DROP COLUMN size_bytes;
