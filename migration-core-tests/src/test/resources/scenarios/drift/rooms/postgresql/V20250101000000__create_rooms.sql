create type room_kind as enum ('public', 'private');
create table rooms (
    id         bigint generated always as identity primary key,
    name       text        not null,
    kind       room_kind   not null default 'public',
    created_at timestamptz not null default now()
);
create index idx_rooms_name on rooms (name);
create function rooms_touch() returns trigger language plpgsql as $$
begin
    new.created_at := now();
    return new;
end;
$$;
create trigger trg_rooms_touch before update on rooms for each row execute function rooms_touch();
