create table orders (id integer primary key, item_id integer not null references catalog_items (id));
