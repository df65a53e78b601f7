create table messages (
    id      integer primary key,
    room_id integer not null references rooms (id) on delete cascade,
    body    text    not null
);
alter table rooms add column topic text;
