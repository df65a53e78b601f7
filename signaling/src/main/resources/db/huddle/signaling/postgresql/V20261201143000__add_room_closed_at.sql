SET LOCAL lock_timeout = '5s';

-- NULL while the room is open. Once set, the room is closed for everyone: nobody joins or connects again, and its
-- history (messages, bans) stays readable.
ALTER TABLE rooms ADD COLUMN closed_at timestamptz;
