CREATE TABLE api_keys (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    -- Only the SHA-256 (hex) of the key is stored; the plaintext is shown once at creation.
    key_hash     text        NOT NULL,
    name         text        NOT NULL,
    scopes       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    -- Authentication looks keys up by hash, so it must identify exactly one row.
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_key_hash_format CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT ck_api_keys_scopes_array CHECK (jsonb_typeof(scopes) = 'array')
);
