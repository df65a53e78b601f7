-- Backfill written for sqlite3, which commits where it is told to.
begin immediate transaction;
insert into alpha_items (name) values ('first');
end transaction;
