create table beta_items (id bigint generated always as identity primary key, label text not null);
