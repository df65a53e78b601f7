DROP TABLE participants;
DROP TABLE meetings;
DROP FUNCTION meetings_set_updated_at();
