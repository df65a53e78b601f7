create table stray_items (id integer primary key);
