-- A finished or failed egress reports how many bytes it wrote; NULL until then.
SET LOCAL lock_timeout = '5s';
ALTER TABLE recordings ADD COLUMN size_bytes bigint;
