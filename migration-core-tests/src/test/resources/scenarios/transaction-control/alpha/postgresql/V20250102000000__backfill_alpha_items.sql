-- Backfill written for psql, which commits where it is told to.
insert into alpha_items (name) values ('first');
commit;
insert into alpha_items (name) values ('second');
