create index external_sessions_room on external_sessions (room_id);
