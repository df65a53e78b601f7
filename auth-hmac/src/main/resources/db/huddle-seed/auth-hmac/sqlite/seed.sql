-- The server settings of a development server: open registration under a recognisable name. The migrations
-- already wrote the one settings row, so this updates it and declares no table to clear.
-- huddle:seed-tables
INSERT INTO server_settings (id, server_name, registration_mode) VALUES (1, 'Huddle (sample data)', 'open')
    ON CONFLICT (id) DO UPDATE SET server_name = excluded.server_name, registration_mode = excluded.registration_mode;
