DROP TABLE nonce_cache;
DROP TABLE client_sessions;
