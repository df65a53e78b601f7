CREATE TYPE customer_tier AS ENUM ('basic', 'gold');

CREATE FUNCTION shop_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- A line comment inside the body: a baseline that collapsed whitespace would comment out the rest.
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE customers (
    id         bigserial     PRIMARY KEY,
    email      text          NOT NULL UNIQUE,
    tier       customer_tier NOT NULL DEFAULT 'basic',
    updated_at timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT ck_customers_email CHECK (position('@' in email) > 1)
);

CREATE TRIGGER trg_customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION shop_touch();
