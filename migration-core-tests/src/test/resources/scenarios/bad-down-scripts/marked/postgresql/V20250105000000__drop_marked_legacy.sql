-- huddle:irreversible The legacy rows are deleted for good
drop table if exists marked_legacy;
