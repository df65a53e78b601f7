CREATE TABLE invitations (
    id          uuid        NOT NULL DEFAULT gen_random_uuid(),
    email       text        NOT NULL,
    -- Only a hash of the emailed token is kept; redeeming looks it up by hash.
    token_hash  text        NOT NULL,
    -- Free-form identity of the inviter: accounts live in another module, so no FK.
    invited_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    accepted_at timestamptz,
    CONSTRAINT pk_invitations PRIMARY KEY (id),
    CONSTRAINT uq_invitations_token_hash UNIQUE (token_hash)
);

CREATE INDEX idx_invitations_email ON invitations (email);
CREATE INDEX idx_invitations_expires_at ON invitations (expires_at);
