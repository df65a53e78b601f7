drop table stray_items;
