-- huddle:dialect-only a PL/pgSQL batch loop that commits between batches
do $$
begin
  insert into alpha_items (name) values ('batch');
  commit;
end
$$;
