-- huddle:dialect-only SQLite scans this small table faster than it would use the index
create index alpha_items_name on alpha_items (name);
