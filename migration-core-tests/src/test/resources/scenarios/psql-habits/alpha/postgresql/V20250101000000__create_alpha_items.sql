create table alpha_items (id bigint generated always as identity primary key, name text not null);
