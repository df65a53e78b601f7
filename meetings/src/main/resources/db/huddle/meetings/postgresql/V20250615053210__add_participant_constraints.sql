-- One row per identity per meeting: lets the webhook handler upsert with
-- ON CONFLICT (meeting_id, identity) when a participant rejoins.
CREATE UNIQUE INDEX uq_participants_meeting_identity ON participants (meeting_id, identity);
