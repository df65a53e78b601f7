-- huddle:dialect-only SQLite builds no index concurrently, and its tables are small
create index concurrently alpha_items_name on alpha_items (name);
