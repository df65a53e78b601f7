drop table one_dialect_items;
