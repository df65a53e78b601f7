create table audit_entries (id integer primary key, note text not null);
