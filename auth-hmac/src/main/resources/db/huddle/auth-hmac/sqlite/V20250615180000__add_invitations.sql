CREATE TABLE invitations (
    id          TEXT NOT NULL,
    email       TEXT NOT NULL,
    -- Only a hash of the emailed token is kept; redeeming looks it up by hash.
    token_hash  TEXT NOT NULL,
    -- Free-form identity of the inviter: accounts live in another module, so no FK.
    invited_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    expires_at  TEXT NOT NULL,
    accepted_at TEXT,
    CONSTRAINT pk_invitations PRIMARY KEY (id),
    CONSTRAINT uq_invitations_token_hash UNIQUE (token_hash)
);

CREATE INDEX idx_invitations_email ON invitations (email);
CREATE INDEX idx_invitations_expires_at ON invitations (expires_at);
