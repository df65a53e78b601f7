DROP TABLE events;
DROP TYPE event_triage_status;
DROP FUNCTION events_sync_set_updated_at();
