drop table alpha_items;
