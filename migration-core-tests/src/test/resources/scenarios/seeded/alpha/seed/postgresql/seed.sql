-- Two items, three tags.
-- huddle:seed-tables alpha_items, alpha_tags
insert into alpha_items (id, name) values (1, 'first'), (2, 'second');
insert into alpha_tags (item_id, tag) values (1, 'red'), (1, 'blue'), (2, 'green');
