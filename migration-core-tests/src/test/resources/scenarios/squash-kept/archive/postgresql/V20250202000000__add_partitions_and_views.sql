CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
COMMENT ON TABLE events_rest IS 'Whatever no year holds';

-- The view that reads another sorts first by name: a baseline in name order would create it too early.
CREATE VIEW b_recent AS SELECT id, label_id, kind FROM events WHERE happened > DATE '2024-06-01';
CREATE VIEW a_recent_labelled AS SELECT r.id, l.code FROM b_recent r JOIN labels l ON l.id = r.label_id;
COMMENT ON VIEW a_recent_labelled IS 'A view on a view';
