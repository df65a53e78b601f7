create table beta_links (id integer primary key, alpha_id integer references alpha_items (id), beta_id integer references beta_items (id));
