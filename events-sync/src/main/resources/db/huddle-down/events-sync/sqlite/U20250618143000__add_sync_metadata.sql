DROP TABLE sync_metadata;
