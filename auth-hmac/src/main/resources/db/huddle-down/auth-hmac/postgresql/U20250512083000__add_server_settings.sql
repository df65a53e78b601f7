DROP TABLE server_settings;
DROP FUNCTION auth_hmac_set_updated_at();
