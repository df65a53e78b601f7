-- huddle:dialect-only SQLite builds no index concurrently, and its tables are small
-- huddle:no-transaction CREATE INDEX CONCURRENTLY cannot run inside a transaction
create index concurrently alpha_items_name on alpha_items (name);
