create table beta_tags (item_id bigint not null references beta_items (id), tag text not null);
