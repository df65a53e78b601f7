create table alpha_tags (id integer primary key, tag text not null);
