alter table alpha_items add column note text;
