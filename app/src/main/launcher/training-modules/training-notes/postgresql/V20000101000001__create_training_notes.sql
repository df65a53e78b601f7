-- A second training module, so that the training status run lists several modules and selects them with --modules,
-- as status runs usually do. It runs on SQLite only; the PostgreSQL copy keeps the dialects paired.
CREATE TABLE training_notes (id bigint PRIMARY KEY, body text NOT NULL);
