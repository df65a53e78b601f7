CREATE TABLE api_keys (
    id           TEXT NOT NULL,
    -- Only the SHA-256 (hex) of the key is stored; the plaintext is shown once at creation.
    key_hash     TEXT NOT NULL,
    name         TEXT NOT NULL,
    scopes       TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    last_used_at TEXT,
    revoked_at   TEXT,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    -- Authentication looks keys up by hash, so it must identify exactly one row.
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_key_hash_format CHECK (length(key_hash) = 64 AND key_hash NOT GLOB '*[^0-9a-f]*'),
    CONSTRAINT ck_api_keys_scopes_array CHECK (json_valid(scopes) AND json_type(scopes) = 'array')
);
