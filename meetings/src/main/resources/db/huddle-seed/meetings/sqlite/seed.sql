-- Sample meetings for development: one completed, one active, one scheduled, with their participants,
-- recordings and analytics. Run by 'huddle-migrate seed'; times are relative to now.
-- huddle:seed-tables meetings, participants, recordings, analytics

INSERT INTO meetings (id, room_name, title, host_identity, scheduled_at, started_at, ended_at, invited_participants) VALUES
    ('5eed0000-0000-4000-8000-000000000001', 'planning', 'Weekly planning', 'alice', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '-5 minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+45 minutes'), '["bob", "carol"]'),
    ('5eed0000-0000-4000-8000-000000000002', 'design', 'Design review', 'alice', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-20 minutes'), NULL, '["dave", "erin"]'),
    ('5eed0000-0000-4000-8000-000000000003', 'retro', 'Sprint retro', 'bob', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 days'), NULL, NULL, '["alice", "carol"]');

INSERT INTO participants (id, meeting_id, identity, name, joined_at, left_at) VALUES
    ('5eed0000-0000-4000-8001-000000000001', '5eed0000-0000-4000-8000-000000000001', 'alice', 'Alice', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+45 minutes')),
    ('5eed0000-0000-4000-8001-000000000002', '5eed0000-0000-4000-8000-000000000001', 'bob', 'Bob', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+1 minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+40 minutes')),
    ('5eed0000-0000-4000-8001-000000000003', '5eed0000-0000-4000-8000-000000000001', 'carol', 'Carol', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+3 minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+45 minutes')),
    ('5eed0000-0000-4000-8001-000000000004', '5eed0000-0000-4000-8000-000000000002', 'alice', 'Alice', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-20 minutes'), NULL),
    ('5eed0000-0000-4000-8001-000000000005', '5eed0000-0000-4000-8000-000000000002', 'dave', 'Dave', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-18 minutes'), NULL),
    ('5eed0000-0000-4000-8001-000000000006', '5eed0000-0000-4000-8000-000000000002', 'erin', 'Erin', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-15 minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-5 minutes'));

INSERT INTO recordings (id, meeting_id, egress_id, status, storage_path, size_bytes, started_at, ended_at) VALUES
    ('5eed0000-0000-4000-8002-000000000001', '5eed0000-0000-4000-8000-000000000001', 'EG_seed_planning', 'complete', 'recordings/planning.mp4', 734003200, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+2 minutes'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+45 minutes')),
    ('5eed0000-0000-4000-8002-000000000002', '5eed0000-0000-4000-8000-000000000002', 'EG_seed_design', 'active', NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-19 minutes'), NULL);

INSERT INTO analytics (id, meeting_id, participant_id, event_type, payload, created_at) VALUES
    ('5eed0000-0000-4000-8003-000000000001', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000001', 'participant_joined', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days')),
    ('5eed0000-0000-4000-8003-000000000002', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000002', 'participant_joined', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+1 minutes')),
    ('5eed0000-0000-4000-8003-000000000003', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000002', 'track_muted', '{"kind": "audio"}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+10 minutes')),
    ('5eed0000-0000-4000-8003-000000000004', '5eed0000-0000-4000-8000-000000000001', NULL, 'recording_started', '{"egressId": "EG_seed_planning"}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 days', '+2 minutes')),
    ('5eed0000-0000-4000-8003-000000000005', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000004', 'participant_joined', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-20 minutes')),
    ('5eed0000-0000-4000-8003-000000000006', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000005', 'screen_share_started', '{}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-12 minutes')),
    ('5eed0000-0000-4000-8003-000000000007', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000006', 'participant_left', '{"reason": "client_initiated"}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-5 minutes'));
