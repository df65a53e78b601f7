CREATE COLLATION label_order FROM "C";
CREATE TABLE labels (
    id       bigint PRIMARY KEY,
    code     text COLLATE "C" NOT NULL,
    title    text COLLATE "POSIX",
    sort_key text COLLATE label_order
);
CREATE INDEX idx_labels_code ON labels (code COLLATE "POSIX");
COMMENT ON TABLE labels IS 'Labels, sorted byte-wise';
COMMENT ON COLUMN labels.code IS 'Compared as bytes: the "C" collation';
COMMENT ON CONSTRAINT labels_pkey ON labels IS 'One row per label';

CREATE FUNCTION events_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION events_check() IS 'Lets every event in';

CREATE TABLE events (
    id       bigint NOT NULL CHECK (id > 0),
    happened date   NOT NULL,
    label_id bigint REFERENCES labels (id),
    kind     text   NOT NULL,
    PRIMARY KEY (id, happened)
) PARTITION BY RANGE (happened);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX idx_events_label_id ON events (label_id);
CREATE TRIGGER trg_events_check BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION events_check();
