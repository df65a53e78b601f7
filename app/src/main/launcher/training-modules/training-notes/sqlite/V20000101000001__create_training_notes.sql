-- A second training module, so that the training status run lists several modules and selects them with --modules,
-- as status runs usually do.
CREATE TABLE training_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
