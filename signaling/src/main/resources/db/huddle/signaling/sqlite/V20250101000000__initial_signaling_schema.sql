CREATE TABLE users (
    id           TEXT NOT NULL,
    username     TEXT NOT NULL,
    display_name TEXT,
    last_seen_at TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username)
);

-- The WHEN guard keeps an explicit updated_at from the app and stops the trigger re-firing itself.
CREATE TRIGGER trg_users_updated_at
    AFTER UPDATE ON users
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE users SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;

CREATE TABLE rooms (
    id               TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    is_private       INTEGER NOT NULL DEFAULT 0 CONSTRAINT ck_rooms_is_private_bool CHECK (is_private IN (0, 1)),
    max_participants INTEGER,
    -- SET NULL: a room outlives the account that opened it.
    created_by       TEXT,
    created_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at       TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_rooms PRIMARY KEY (id),
    CONSTRAINT uq_rooms_name UNIQUE (name),
    CONSTRAINT ck_rooms_max_participants_positive CHECK (max_participants > 0),
    CONSTRAINT fk_rooms_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX idx_rooms_created_by ON rooms (created_by);

CREATE TRIGGER trg_rooms_updated_at
    AFTER UPDATE ON rooms
    FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE rooms SET updated_at = (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = NEW.id;
END;

CREATE TABLE messages (
    id         TEXT NOT NULL,
    room_id    TEXT NOT NULL,
    -- SET NULL keeps the room history readable after an account is deleted.
    user_id    TEXT,
    content    TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_messages PRIMARY KEY (id),
    CONSTRAINT fk_messages_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_messages_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
);

-- Chat history is paged per room in time order.
CREATE INDEX idx_messages_room_id_created_at ON messages (room_id, created_at);
CREATE INDEX idx_messages_user_id ON messages (user_id);

-- ICE candidates and SDP signals are transient peer-to-peer handshake data:
-- they cascade away with the room or either peer.
CREATE TABLE ice_candidates (
    id              TEXT    NOT NULL,
    room_id         TEXT    NOT NULL,
    from_user_id    TEXT    NOT NULL,
    to_user_id      TEXT    NOT NULL,
    candidate       TEXT    NOT NULL,
    sdp_mid         TEXT,
    sdp_mline_index INTEGER,
    created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_ice_candidates PRIMARY KEY (id),
    CONSTRAINT fk_ice_candidates_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_ice_candidates_from_user_id FOREIGN KEY (from_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_ice_candidates_to_user_id FOREIGN KEY (to_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_ice_candidates_room_id ON ice_candidates (room_id);
CREATE INDEX idx_ice_candidates_from_user_id ON ice_candidates (from_user_id);
CREATE INDEX idx_ice_candidates_to_user_id ON ice_candidates (to_user_id);

CREATE TABLE sdp_signals (
    id           TEXT NOT NULL,
    room_id      TEXT NOT NULL,
    from_user_id TEXT NOT NULL,
    to_user_id   TEXT NOT NULL,
    signal_type  TEXT NOT NULL
                 CONSTRAINT ck_sdp_signals_signal_type CHECK (signal_type IN ('offer', 'answer', 'pranswer', 'rollback')),
    sdp          TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CONSTRAINT pk_sdp_signals PRIMARY KEY (id),
    CONSTRAINT fk_sdp_signals_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_sdp_signals_from_user_id FOREIGN KEY (from_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_sdp_signals_to_user_id FOREIGN KEY (to_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_sdp_signals_room_id ON sdp_signals (room_id);
CREATE INDEX idx_sdp_signals_from_user_id ON sdp_signals (from_user_id);
CREATE INDEX idx_sdp_signals_to_user_id ON sdp_signals (to_user_id);
