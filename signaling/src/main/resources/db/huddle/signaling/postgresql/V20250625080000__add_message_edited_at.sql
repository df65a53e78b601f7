SET LOCAL lock_timeout = '5s';

-- NULL means never edited; clients show an "edited" marker otherwise.
ALTER TABLE messages ADD COLUMN edited_at timestamptz;
