-- Lab 1: tables, selects, aggregates, windows and primary keys.
-- Type these one at a time in `streamform shell` (see ../README.md). Continuous queries keep
-- running until you stop them (Ctrl-C in the shell); queries with LIMIT finish by themselves.

-- 1-2. Catalog = environment, database = Kafka cluster (only needed in the shell).
USE CATALOG flink_handson_terraform;
USE cc_handson_cluster;

-- 3-5. What exists: environments, clusters, and the topics as tables (no DDL needed).
SHOW CATALOGS;
SHOW DATABASES;
SHOW TABLES;

-- 6-7. How an inferred table looks, and its columns (from the Avro value schema).
SHOW CREATE TABLE shoe_products;
DESCRIBE shoe_products;

-- 8. Every product event; the 643 products keep coming back.
SELECT * FROM shoe_products;

-- 9-10. Customers, and the Texans whose last name starts with B.
DESCRIBE shoe_customers;
SELECT *
FROM shoe_customers
WHERE `state` = 'Texas' AND `last_name` LIKE 'B%';

-- 11. The hidden system column $rowtime shows up in the extended description.
DESCRIBE EXTENDED shoe_orders;

-- 12. Orders of one customer with their $rowtime; LIMIT makes the query finish.
SELECT order_id, product_id, customer_id, `$rowtime`
FROM shoe_orders
WHERE customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a'
LIMIT 10;

-- 13-14. Records versus customers: the first count keeps growing, the second stops at 301.
SELECT COUNT(id) AS num_customers FROM shoe_customers;
SELECT COUNT(DISTINCT id) AS num_customers FROM shoe_customers;

-- 15. Per brand: models, average rating and the most expensive pair (in dollars). 20 brands.
SELECT brand AS brand_name,
       COUNT(DISTINCT name) AS models_by_brand,
       ROUND(AVG(rating), 2) AS avg_rating,
       MAX(sale_price) / 100 AS max_price
FROM shoe_products
GROUP BY brand;

-- 16. Orders per one-minute tumbling window (results arrive as the watermark passes).
SELECT window_end, COUNT(DISTINCT order_id) AS num_orders
FROM TABLE(TUMBLE(TABLE shoe_orders, DESCRIPTOR(`$rowtime`), INTERVAL '1' MINUTES))
GROUP BY window_start, window_end;

-- 17. Ten-minute windows every five minutes.
SELECT window_start, window_end, COUNT(DISTINCT order_id) AS num_orders
FROM TABLE(HOP(TABLE shoe_orders, DESCRIPTOR(`$rowtime`), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

-- 18-19. A table keyed by customer: an upsert table (compare its changelog.mode).
CREATE TABLE shoe_customers_keyed (
  customer_id STRING,
  first_name  STRING,
  last_name   STRING,
  email       STRING,
  PRIMARY KEY (customer_id) NOT ENFORCED
) DISTRIBUTED INTO 1 BUCKETS;
SHOW CREATE TABLE shoe_customers_keyed;

-- 20. Keep it filled (a long-running statement).
INSERT INTO shoe_customers_keyed
SELECT id, first_name, last_name, email
FROM shoe_customers;

-- 21-23. One row per customer in the keyed table, many in the topic-backed table.
SELECT COUNT(*) AS amountrows FROM shoe_customers_keyed;
SELECT * FROM shoe_customers_keyed WHERE customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';
SELECT * FROM shoe_customers WHERE id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

-- 24-25. The same for products; `name` becomes `model` by position.
CREATE TABLE shoe_products_keyed (
  product_id STRING,
  brand      STRING,
  `model`    STRING,
  sale_price INT,
  rating     DOUBLE,
  PRIMARY KEY (product_id) NOT ENFORCED
) DISTRIBUTED INTO 1 BUCKETS;

INSERT INTO shoe_products_keyed
SELECT id, brand, `name`, sale_price, rating
FROM shoe_products;

-- 26. A single row: a Jones-Stokes "Pro TrailRunner 237".
SELECT * FROM shoe_products_keyed WHERE product_id = '0fd15be0-8b95-4f19-b90b-53aabf4c49df';
