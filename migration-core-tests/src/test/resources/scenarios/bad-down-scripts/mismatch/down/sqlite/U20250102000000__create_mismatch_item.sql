drop table mismatch_items;
