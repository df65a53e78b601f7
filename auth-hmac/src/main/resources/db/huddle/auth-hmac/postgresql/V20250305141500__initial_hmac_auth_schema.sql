CREATE TABLE client_sessions (
    id                uuid        NOT NULL DEFAULT gen_random_uuid(),
    client_id         text        NOT NULL,
    -- The per-session HMAC secret is needed to verify signatures, so it cannot be
    -- one-way hashed; it is stored encrypted with the server key instead.
    secret_ciphertext bytea       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    last_seen_at      timestamptz,
    CONSTRAINT pk_client_sessions PRIMARY KEY (id)
);

CREATE INDEX idx_client_sessions_client_id ON client_sessions (client_id);
-- Purge job deletes expired sessions by range scan.
CREATE INDEX idx_client_sessions_expires_at ON client_sessions (expires_at);

CREATE TABLE nonce_cache (
    client_session_id uuid        NOT NULL,
    nonce             text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    expires_at        timestamptz NOT NULL,
    -- Replay protection: inserting a nonce already seen for the session fails.
    CONSTRAINT pk_nonce_cache PRIMARY KEY (client_session_id, nonce),
    CONSTRAINT fk_nonce_cache_client_session_id FOREIGN KEY (client_session_id) REFERENCES client_sessions (id) ON DELETE CASCADE
);

-- Purge job deletes nonces once they fall outside the signature time window.
CREATE INDEX idx_nonce_cache_expires_at ON nonce_cache (expires_at);
