insert into alpha_items_backup (id) select id from alpha_items;
