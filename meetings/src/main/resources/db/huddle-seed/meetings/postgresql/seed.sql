-- Sample meetings for development: one completed, one active, one scheduled, with their participants,
-- recordings and analytics. Run by 'huddle-migrate seed'; times are relative to now.
-- huddle:seed-tables meetings, participants, recordings, analytics

INSERT INTO meetings (id, room_name, title, host_identity, scheduled_at, started_at, ended_at, invited_participants) VALUES
    ('5eed0000-0000-4000-8000-000000000001', 'planning', 'Weekly planning', 'alice', now() - interval '2 days' - interval '5 minutes', now() - interval '2 days', now() - interval '2 days' + interval '45 minutes', '["bob", "carol"]'),
    ('5eed0000-0000-4000-8000-000000000002', 'design', 'Design review', 'alice', NULL, now() - interval '20 minutes', NULL, '["dave", "erin"]'),
    ('5eed0000-0000-4000-8000-000000000003', 'retro', 'Sprint retro', 'bob', now() + interval '1 days', NULL, NULL, '["alice", "carol"]');

INSERT INTO participants (id, meeting_id, identity, name, joined_at, left_at) VALUES
    ('5eed0000-0000-4000-8001-000000000001', '5eed0000-0000-4000-8000-000000000001', 'alice', 'Alice', now() - interval '2 days', now() - interval '2 days' + interval '45 minutes'),
    ('5eed0000-0000-4000-8001-000000000002', '5eed0000-0000-4000-8000-000000000001', 'bob', 'Bob', now() - interval '2 days' + interval '1 minutes', now() - interval '2 days' + interval '40 minutes'),
    ('5eed0000-0000-4000-8001-000000000003', '5eed0000-0000-4000-8000-000000000001', 'carol', 'Carol', now() - interval '2 days' + interval '3 minutes', now() - interval '2 days' + interval '45 minutes'),
    ('5eed0000-0000-4000-8001-000000000004', '5eed0000-0000-4000-8000-000000000002', 'alice', 'Alice', now() - interval '20 minutes', NULL),
    ('5eed0000-0000-4000-8001-000000000005', '5eed0000-0000-4000-8000-000000000002', 'dave', 'Dave', now() - interval '18 minutes', NULL),
    ('5eed0000-0000-4000-8001-000000000006', '5eed0000-0000-4000-8000-000000000002', 'erin', 'Erin', now() - interval '15 minutes', now() - interval '5 minutes');

INSERT INTO recordings (id, meeting_id, egress_id, status, storage_path, size_bytes, started_at, ended_at) VALUES
    ('5eed0000-0000-4000-8002-000000000001', '5eed0000-0000-4000-8000-000000000001', 'EG_seed_planning', 'complete', 'recordings/planning.mp4', 734003200, now() - interval '2 days' + interval '2 minutes', now() - interval '2 days' + interval '45 minutes'),
    ('5eed0000-0000-4000-8002-000000000002', '5eed0000-0000-4000-8000-000000000002', 'EG_seed_design', 'active', NULL, NULL, now() - interval '19 minutes', NULL);

INSERT INTO analytics (id, meeting_id, participant_id, event_type, payload, created_at) VALUES
    ('5eed0000-0000-4000-8003-000000000001', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000001', 'participant_joined', '{}', now() - interval '2 days'),
    ('5eed0000-0000-4000-8003-000000000002', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000002', 'participant_joined', '{}', now() - interval '2 days' + interval '1 minutes'),
    ('5eed0000-0000-4000-8003-000000000003', '5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8001-000000000002', 'track_muted', '{"kind": "audio"}', now() - interval '2 days' + interval '10 minutes'),
    ('5eed0000-0000-4000-8003-000000000004', '5eed0000-0000-4000-8000-000000000001', NULL, 'recording_started', '{"egressId": "EG_seed_planning"}', now() - interval '2 days' + interval '2 minutes'),
    ('5eed0000-0000-4000-8003-000000000005', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000004', 'participant_joined', '{}', now() - interval '20 minutes'),
    ('5eed0000-0000-4000-8003-000000000006', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000005', 'screen_share_started', '{}', now() - interval '12 minutes'),
    ('5eed0000-0000-4000-8003-000000000007', '5eed0000-0000-4000-8000-000000000002', '5eed0000-0000-4000-8001-000000000006', 'participant_left', '{"reason": "client_initiated"}', now() - interval '5 minutes');
