ALTER TABLE meetings DROP COLUMN invited_participants;
