DROP TABLE sdp_signals;
DROP TABLE ice_candidates;
DROP TABLE messages;
DROP TABLE rooms;
DROP TABLE users;
DROP TYPE sdp_signal_type;
DROP FUNCTION signaling_set_updated_at();
