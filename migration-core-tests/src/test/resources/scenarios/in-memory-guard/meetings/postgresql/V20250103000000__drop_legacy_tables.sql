drop table if exists legacy_rooms, "ExternalSessions";
