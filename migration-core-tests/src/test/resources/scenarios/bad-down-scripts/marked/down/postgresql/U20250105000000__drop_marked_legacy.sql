create table marked_legacy (id integer primary key);
