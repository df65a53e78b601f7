ALTER TABLE orders ADD COLUMN note text;
ALTER TYPE customer_tier ADD VALUE 'platinum';
