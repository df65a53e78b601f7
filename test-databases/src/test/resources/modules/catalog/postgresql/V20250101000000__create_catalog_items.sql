create table catalog_items (id integer primary key, name text not null);
