create table alpha_items (id integer primary key autoincrement, name text not null);
