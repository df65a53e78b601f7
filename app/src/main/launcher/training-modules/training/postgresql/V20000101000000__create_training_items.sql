-- The class-data training run's own corpus (build-archive.sh): fixed, so that packaging never depends on the
-- modules' scripts, which may be a work in progress. It runs on SQLite only; the PostgreSQL copy keeps the dialects
-- paired, as planning requires.
CREATE TABLE training_items (id bigint PRIMARY KEY, name text NOT NULL);
CREATE INDEX training_items_name ON training_items (name);
INSERT INTO training_items (id, name) VALUES (1, 'first'), (2, 'second');
