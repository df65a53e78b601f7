DROP TABLE room_presence;
