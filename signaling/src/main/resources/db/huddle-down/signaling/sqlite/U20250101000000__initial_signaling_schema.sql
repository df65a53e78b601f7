DROP TABLE sdp_signals;
DROP TABLE ice_candidates;
DROP TABLE messages;
DROP TABLE rooms;
DROP TABLE users;
