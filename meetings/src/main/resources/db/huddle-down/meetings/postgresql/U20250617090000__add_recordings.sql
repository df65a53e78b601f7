DROP TABLE recordings;
DROP TYPE recording_status;
