set local lock_timeout = '5s';
alter table alpha_items add column note text;
