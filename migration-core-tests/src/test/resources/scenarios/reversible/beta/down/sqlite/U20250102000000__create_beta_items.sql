drop table beta_items;
