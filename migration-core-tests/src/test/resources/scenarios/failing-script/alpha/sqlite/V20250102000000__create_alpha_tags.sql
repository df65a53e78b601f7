create table alpha_tags (id integer primary key);
create tabel alpha_broken (id integer);
