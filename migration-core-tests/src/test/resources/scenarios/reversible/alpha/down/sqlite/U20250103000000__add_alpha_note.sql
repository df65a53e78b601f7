alter table alpha_items drop column note;
