CREATE TABLE labels (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL COLLATE NOCASE, -- compared without case, COLLATE RTRIM in a comment counts for nothing
    title TEXT COLLATE RTRIM CHECK (title <> 'x' COLLATE BINARY),
    "the, note" TEXT DEFAULT 'a, COLLATE NOCASE'
);
CREATE INDEX idx_labels_code ON labels (code COLLATE BINARY);

CREATE TABLE events (
    id       INTEGER PRIMARY KEY,
    happened TEXT    NOT NULL,
    label_id INTEGER REFERENCES labels (id),
    kind     TEXT    NOT NULL
);
