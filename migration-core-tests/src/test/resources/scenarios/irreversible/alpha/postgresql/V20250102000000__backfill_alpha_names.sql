update alpha_items set name = lower(name);
