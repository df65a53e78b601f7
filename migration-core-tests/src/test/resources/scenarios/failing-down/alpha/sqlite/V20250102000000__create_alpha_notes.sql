create table alpha_notes (id integer primary key);
