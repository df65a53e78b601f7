create table blank_notes (id integer primary key);
