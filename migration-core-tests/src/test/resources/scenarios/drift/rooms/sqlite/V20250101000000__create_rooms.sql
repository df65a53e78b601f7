create table rooms (
    id         integer primary key,
    name       text not null,
    kind       text not null default 'public' constraint ck_rooms_kind check (kind in ('public', 'private')),
    created_at text not null default (datetime('now'))
);
create index idx_rooms_name on rooms (name);
create trigger trg_rooms_touch after update of name on rooms begin
    update rooms set created_at = datetime('now') where id = new.id;
end;
