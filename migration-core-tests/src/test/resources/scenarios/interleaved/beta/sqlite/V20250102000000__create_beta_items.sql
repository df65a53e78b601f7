create table beta_items (id integer primary key autoincrement, label text not null);
