create table beta_items (id integer primary key, label text not null);
