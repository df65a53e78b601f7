-- Admin rights go with the column; the sessions themselves stay.
ALTER TABLE client_sessions DROP COLUMN is_admin;
