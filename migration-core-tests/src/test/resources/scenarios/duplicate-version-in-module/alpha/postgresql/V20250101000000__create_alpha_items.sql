create table alpha_items (id integer primary key);
