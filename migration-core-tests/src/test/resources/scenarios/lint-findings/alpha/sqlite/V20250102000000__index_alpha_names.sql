create index alpha_items_name on alpha_items (name);
