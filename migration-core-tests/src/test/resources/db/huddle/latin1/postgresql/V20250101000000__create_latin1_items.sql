-- Café menu
create table latin1_items (id integer);
