-- drop table blank_notes;
;
