-- A finished or failed egress reports how many bytes it wrote; NULL until then.
ALTER TABLE recordings ADD COLUMN size_bytes INTEGER;
