drop table alpha_tags;
