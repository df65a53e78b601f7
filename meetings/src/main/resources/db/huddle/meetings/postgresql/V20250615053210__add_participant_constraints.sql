-- One row per identity per meeting: lets the webhook handler upsert with
-- ON CONFLICT (meeting_id, identity) when a participant rejoins.
-- huddle:lint-ignore H001 release 0.1 ships this with the participants table, so it is empty on every install.
SET LOCAL lock_timeout = '5s';
CREATE UNIQUE INDEX uq_participants_meeting_identity ON participants (meeting_id, identity);
