-- huddle:dialect-only a pg_dump excerpt, loaded by psql
\set ON_ERROR_STOP on
COPY alpha_items (name) FROM stdin;
first
second
\.
