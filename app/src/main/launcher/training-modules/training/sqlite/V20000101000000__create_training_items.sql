-- The class-data training run's own corpus (build-archive.sh): fixed, so that packaging never depends on the
-- modules' scripts, which may be a work in progress.
CREATE TABLE training_items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE INDEX training_items_name ON training_items (name);
INSERT INTO training_items (id, name) VALUES (1, 'first'), (2, 'second');
