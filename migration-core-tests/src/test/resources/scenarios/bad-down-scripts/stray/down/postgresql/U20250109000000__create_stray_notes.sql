drop table stray_notes;
