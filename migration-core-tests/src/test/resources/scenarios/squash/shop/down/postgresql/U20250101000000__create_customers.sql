DROP TABLE customers;
DROP FUNCTION shop_touch();
DROP TYPE customer_tier;
