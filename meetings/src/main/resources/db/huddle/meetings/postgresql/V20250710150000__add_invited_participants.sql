-- huddle:lint-ignore H005 release 0.1 ships this with the meetings table, so the check scans an empty table.
SET LOCAL lock_timeout = '5s';

-- Hybrid storage: invitees have no participants row until they actually join,
-- so the invite list is kept as a JSON array on the meeting itself.
ALTER TABLE meetings
    ADD COLUMN invited_participants jsonb NOT NULL DEFAULT '[]'::jsonb
        CONSTRAINT ck_meetings_invited_participants_array CHECK (jsonb_typeof(invited_participants) = 'array');
