create table alpha_items (id integer primary key, name text not null);
