drop table beta_links;
