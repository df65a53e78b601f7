-- Who is in a room now: a row from join to leave. Shared by every app instance, so the relay on any of them can
-- tell who may connect, and max_participants counts the same rows everywhere.
CREATE TABLE room_members (
    room_id   uuid        NOT NULL,
    user_id   uuid        NOT NULL,
    joined_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_room_members PRIMARY KEY (room_id, user_id),
    CONSTRAINT fk_room_members_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_room_members_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- The rooms one user is in (and the cascade when a user is deleted).
CREATE INDEX idx_room_members_user_id ON room_members (user_id);
