create table beta_tags (item_id integer not null references beta_items (id), tag text not null);
