DROP TABLE room_moderators;
DROP TABLE banned_users;
