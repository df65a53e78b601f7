CREATE TABLE client_sessions (
    id                TEXT NOT NULL,
    client_id         TEXT NOT NULL,
    -- The per-session HMAC secret is needed to verify signatures, so it cannot be
    -- one-way hashed; it is stored encrypted with the server key instead.
    secret_ciphertext BLOB NOT NULL,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at        TEXT NOT NULL,
    last_seen_at      TEXT,
    CONSTRAINT pk_client_sessions PRIMARY KEY (id)
);

CREATE INDEX idx_client_sessions_client_id ON client_sessions (client_id);
-- Purge job deletes expired sessions by range scan.
CREATE INDEX idx_client_sessions_expires_at ON client_sessions (expires_at);

CREATE TABLE nonce_cache (
    client_session_id TEXT NOT NULL,
    nonce             TEXT NOT NULL,
    created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at        TEXT NOT NULL,
    -- Replay protection: inserting a nonce already seen for the session fails.
    CONSTRAINT pk_nonce_cache PRIMARY KEY (client_session_id, nonce),
    CONSTRAINT fk_nonce_cache_client_session_id FOREIGN KEY (client_session_id) REFERENCES client_sessions (id) ON DELETE CASCADE
);

-- Purge job deletes nonces once they fall outside the signature time window.
CREATE INDEX idx_nonce_cache_expires_at ON nonce_cache (expires_at);
