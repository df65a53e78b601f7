-- external_sessions lives in memory: create table external_sessions is never run here.
create table rooms (id integer primary key, note text default 'drop table external_sessions');
