CREATE TABLE orders (
    id          uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total_cents integer NOT NULL CHECK (total_cents >= 0),
    line_no     integer GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX idx_orders_customer_id ON orders (customer_id) WHERE total_cents > 0;

CREATE VIEW big_orders AS SELECT id, customer_id FROM orders WHERE total_cents > 10000;
