DROP VIEW big_orders;
DROP TABLE orders;
