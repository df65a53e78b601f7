DROP TABLE admins;
DROP TYPE admin_permission_level;
