DROP TABLE sync_metadata;
DROP TYPE sync_status;
