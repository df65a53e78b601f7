-- Joins and leaves the relay announced, one row each, stored like the signals so that a peer reconnecting with
-- ?since= replays them too. The id is the relay's time-ordered message id, the cursor of that replay.
CREATE TABLE room_presence (
    id         uuid        NOT NULL,
    room_id    uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_room_presence PRIMARY KEY (id),
    CONSTRAINT ck_room_presence_kind CHECK (kind IN ('joined', 'left')),
    CONSTRAINT fk_room_presence_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_room_presence_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- A replay reads one room's rows after a cursor; the cascade when a user is deleted.
CREATE INDEX idx_room_presence_room_id_id ON room_presence (room_id, id);
CREATE INDEX idx_room_presence_user_id ON room_presence (user_id);
