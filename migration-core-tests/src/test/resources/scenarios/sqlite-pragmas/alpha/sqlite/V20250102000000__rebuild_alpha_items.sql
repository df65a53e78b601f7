-- huddle:dialect-only rebuilding a table is how SQLite changes a column
PRAGMA foreign_keys = OFF;
create table alpha_items_new (id integer primary key autoincrement, name text);
insert into alpha_items_new select id, name from alpha_items;
drop table alpha_items;
alter table alpha_items_new rename to alpha_items;
PRAGMA foreign_key_check;
PRAGMA foreign_keys = ON;
VACUUM;
