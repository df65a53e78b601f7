-- Prefixed per module so merged schemas never collide on a shared function name.
CREATE FUNCTION signaling_set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- As on SQLite: a value the update sets itself is kept; otherwise the row is stamped now.
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := now();
    END IF;
    RETURN NEW;
END;
$$;

CREATE TYPE sdp_signal_type AS ENUM ('offer', 'answer', 'pranswer', 'rollback');

CREATE TABLE users (
    id           uuid        NOT NULL DEFAULT gen_random_uuid(),
    username     text        NOT NULL,
    display_name text,
    last_seen_at timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE TRIGGER trg_users_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION signaling_set_updated_at();

CREATE TABLE rooms (
    id               uuid        NOT NULL DEFAULT gen_random_uuid(),
    name             text        NOT NULL,
    is_private       boolean     NOT NULL DEFAULT false,
    max_participants integer,
    -- SET NULL: a room outlives the account that opened it.
    created_by       uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_rooms PRIMARY KEY (id),
    CONSTRAINT uq_rooms_name UNIQUE (name),
    CONSTRAINT ck_rooms_max_participants_positive CHECK (max_participants > 0),
    CONSTRAINT fk_rooms_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX idx_rooms_created_by ON rooms (created_by);

CREATE TRIGGER trg_rooms_updated_at
    BEFORE UPDATE ON rooms
    FOR EACH ROW EXECUTE FUNCTION signaling_set_updated_at();

CREATE TABLE messages (
    id         uuid        NOT NULL DEFAULT gen_random_uuid(),
    room_id    uuid        NOT NULL,
    -- SET NULL keeps the room history readable after an account is deleted.
    user_id    uuid,
    content    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
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
    id              uuid        NOT NULL DEFAULT gen_random_uuid(),
    room_id         uuid        NOT NULL,
    from_user_id    uuid        NOT NULL,
    to_user_id      uuid        NOT NULL,
    candidate       text        NOT NULL,
    sdp_mid         text,
    sdp_mline_index integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_ice_candidates PRIMARY KEY (id),
    CONSTRAINT fk_ice_candidates_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_ice_candidates_from_user_id FOREIGN KEY (from_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_ice_candidates_to_user_id FOREIGN KEY (to_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_ice_candidates_room_id ON ice_candidates (room_id);
CREATE INDEX idx_ice_candidates_from_user_id ON ice_candidates (from_user_id);
CREATE INDEX idx_ice_candidates_to_user_id ON ice_candidates (to_user_id);

CREATE TABLE sdp_signals (
    id           uuid            NOT NULL DEFAULT gen_random_uuid(),
    room_id      uuid            NOT NULL,
    from_user_id uuid            NOT NULL,
    to_user_id   uuid            NOT NULL,
    signal_type  sdp_signal_type NOT NULL,
    sdp          text            NOT NULL,
    created_at   timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT pk_sdp_signals PRIMARY KEY (id),
    CONSTRAINT fk_sdp_signals_room_id FOREIGN KEY (room_id) REFERENCES rooms (id) ON DELETE CASCADE,
    CONSTRAINT fk_sdp_signals_from_user_id FOREIGN KEY (from_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_sdp_signals_to_user_id FOREIGN KEY (to_user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_sdp_signals_room_id ON sdp_signals (room_id);
CREATE INDEX idx_sdp_signals_from_user_id ON sdp_signals (from_user_id);
CREATE INDEX idx_sdp_signals_to_user_id ON sdp_signals (to_user_id);
