-- Hybrid storage: invitees have no participants row until they actually join,
-- so the invite list is kept as a JSON array on the meeting itself.
ALTER TABLE meetings
    ADD COLUMN invited_participants TEXT NOT NULL DEFAULT '[]'
        CONSTRAINT ck_meetings_invited_participants_array CHECK (json_valid(invited_participants) AND json_type(invited_participants) = 'array');
