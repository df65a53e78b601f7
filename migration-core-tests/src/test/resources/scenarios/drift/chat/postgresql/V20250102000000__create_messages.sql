set local lock_timeout = '5s';
create table messages (
    id      bigint  primary key,
    room_id bigint  not null references rooms (id) on delete cascade,
    body    text    not null
);
alter table rooms add column topic text;
