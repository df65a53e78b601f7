CREATE VIEW b_recent AS SELECT id, label_id FROM events WHERE happened > '2024-06-01';
CREATE VIEW a_recent_labelled AS SELECT r.id, l.code FROM b_recent r JOIN labels l ON l.id = r.label_id;
-- Made again after the view that reads it: in the order SQLite keeps, it now comes after that view.
DROP VIEW b_recent;
CREATE VIEW b_recent AS SELECT id, label_id, kind FROM events WHERE happened > '2024-06-01';
