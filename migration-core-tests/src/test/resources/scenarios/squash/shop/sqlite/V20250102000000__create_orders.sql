CREATE TABLE orders (
    id          TEXT    PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    total_cents INTEGER NOT NULL CHECK (total_cents >= 0)
);

CREATE INDEX idx_orders_customer_id ON orders (customer_id) WHERE total_cents > 0;

CREATE VIEW big_orders AS SELECT id, customer_id FROM orders WHERE total_cents > 10000;
