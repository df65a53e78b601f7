-- TODO: write the change

