-- Drops the notes, then a table that was never there: the whole step must roll back.
drop table alpha_notes;
drop table alpha_no_such_table;
