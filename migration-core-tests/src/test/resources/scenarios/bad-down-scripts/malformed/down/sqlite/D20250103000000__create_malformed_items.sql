drop table malformed_items;
