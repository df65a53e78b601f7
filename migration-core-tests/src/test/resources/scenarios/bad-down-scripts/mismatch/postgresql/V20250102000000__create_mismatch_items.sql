create table mismatch_items (id integer primary key);
