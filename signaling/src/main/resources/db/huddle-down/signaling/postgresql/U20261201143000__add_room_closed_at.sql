ALTER TABLE rooms DROP COLUMN closed_at;
