create table alpha_items (id bigint primary key, name text not null);
create table alpha_tags (item_id bigint not null references alpha_items (id) on delete cascade, tag text not null);
