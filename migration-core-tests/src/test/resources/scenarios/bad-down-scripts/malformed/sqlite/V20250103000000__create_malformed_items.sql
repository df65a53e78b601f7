create table malformed_items (id integer primary key);
