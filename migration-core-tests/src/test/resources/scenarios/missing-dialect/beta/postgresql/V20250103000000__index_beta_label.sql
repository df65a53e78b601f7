create index beta_items_label on beta_items (label);
