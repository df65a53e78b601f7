DROP TABLE events;
DROP TYPE event_triage_status;
DROP FUNCTION set_updated_at();
