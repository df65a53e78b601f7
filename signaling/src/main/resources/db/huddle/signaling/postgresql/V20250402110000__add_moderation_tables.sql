CREATE TABLE banned_users (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    room_id    uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    reason     text,
    -- SET NULL: the ban must survive the moderator's account being deleted.
    banned_by  uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- NULL means the ban never expires.
    expires_at timestamptz,
    CONSTRAINT pk_banned_users PRIMARY KEY (id),
    -- One active ban row per user per room; re-banning updates it (upsert).
    CONSTRAINT uq_banned_users_room_user UNIQUE (room_id, user_id),
    CONSTRAINT fk_banned_users_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_banned_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_banned_users_banned_by FOREIGN KEY (banned_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX idx_banned_users_user_id ON banned_users (user_id);
CREATE INDEX idx_banned_users_banned_by ON banned_users (banned_by);
-- Lets a periodic job lift expired bans without a full scan.
CREATE INDEX idx_banned_users_expires_at ON banned_users (expires_at);

CREATE TABLE room_moderators (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    room_id    uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    granted_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_room_moderators PRIMARY KEY (id),
    -- Granting moderator twice must be a no-op (upsert), not a duplicate row.
    CONSTRAINT uq_room_moderators_room_user UNIQUE (room_id, user_id),
    CONSTRAINT fk_room_moderators_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_room_moderators_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_room_moderators_granted_by FOREIGN KEY (granted_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX idx_room_moderators_user_id ON room_moderators (user_id);
CREATE INDEX idx_room_moderators_granted_by ON room_moderators (granted_by);
