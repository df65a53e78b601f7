create table one_dialect_items (id integer primary key);
