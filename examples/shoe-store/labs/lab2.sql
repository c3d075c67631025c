-- Lab 2: joins, enrichment, loyalty levels and promotions.
-- Needs lab 1's keyed tables (shoe_customers_keyed, shoe_products_keyed) and their INSERTs.

USE CATALOG flink_handson_terraform;
USE cc_handson_cluster;

-- 1-2. When were this customer's records and orders ingested? ($rowtime matters for joins.)
SELECT id, `$rowtime`
FROM shoe_customers
WHERE id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

SELECT order_id, customer_id, `$rowtime`
FROM shoe_orders
WHERE customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

-- 3. Regular join of two append streams: every order meets every copy of the customer, so
--    rows repeat. The hint bounds the state kept for each side.
SELECT /*+ STATE_TTL('shoe_orders' = '6h', 'shoe_customers' = '2d') */
       o.order_id, o.`$rowtime`, c.first_name, c.last_name
FROM shoe_orders o
INNER JOIN shoe_customers c ON o.customer_id = c.id
WHERE c.id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

-- 4. Interval join: customer records that arrived up to 10 minutes after the order.
SELECT o.order_id, o.`$rowtime` AS order_time, c.`$rowtime` AS customer_record_time, c.email
FROM shoe_orders o
INNER JOIN shoe_customers c ON o.customer_id = c.id
WHERE c.id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a'
  AND o.`$rowtime` BETWEEN c.`$rowtime` - INTERVAL '10' MINUTES AND c.`$rowtime`;

-- 5. Join with the keyed (upsert) table: one row per order, no duplicates.
SELECT o.order_id, o.`$rowtime`, c.first_name, c.last_name
FROM shoe_orders o
INNER JOIN shoe_customers_keyed c ON o.customer_id = c.customer_id
WHERE c.customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

-- 6. Temporal join: the customer as it was when the order happened. May stay empty when the
--    keyed table was filled after the orders were ingested.
SELECT o.order_id, o.`$rowtime`, c.first_name, c.last_name
FROM shoe_orders o
INNER JOIN shoe_customers_keyed FOR SYSTEM_TIME AS OF o.`$rowtime` AS c
  ON o.customer_id = c.customer_id
WHERE c.customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a';

-- 7-8. Every order with its customer and product. The join updates its results, so the
--      target accepts retractions.
CREATE TABLE shoe_order_customer_product (
  order_id   INT,
  first_name STRING,
  last_name  STRING,
  email      STRING,
  brand      STRING,
  `model`    STRING,
  sale_price INT,
  rating     DOUBLE
) DISTRIBUTED INTO 1 BUCKETS
WITH ('changelog.mode' = 'retract');

INSERT INTO shoe_order_customer_product
  (order_id, first_name, last_name, email, brand, `model`, sale_price, rating)
SELECT o.order_id, c.first_name, c.last_name, c.email,
       p.brand, p.`model`, p.sale_price, p.rating
FROM shoe_orders AS o
INNER JOIN shoe_customers_keyed AS c ON o.customer_id = c.customer_id
INNER JOIN shoe_products_keyed AS p ON o.product_id = p.product_id;

-- 9. Check it.
SELECT * FROM shoe_order_customer_product;

-- 10. Loyalty levels, ad hoc: thresholds in cents, small enough to see levels within minutes.
SELECT email,
       SUM(sale_price) AS total,
       CASE
         WHEN SUM(sale_price) > 800000 THEN 'GOLD'
         WHEN SUM(sale_price) > 70000 THEN 'SILVER'
         WHEN SUM(sale_price) > 6000 THEN 'BRONZE'
         ELSE 'CLIMBING'
       END AS rewards_level
FROM shoe_order_customer_product
GROUP BY email;

-- 11-13. The same as a table kept up to date, with thresholds a hundred times higher.
CREATE TABLE shoe_loyalty_levels (
  email         STRING,
  total         BIGINT,
  rewards_level STRING,
  PRIMARY KEY (email) NOT ENFORCED
) DISTRIBUTED INTO 1 BUCKETS;

INSERT INTO shoe_loyalty_levels (email, total, rewards_level)
SELECT email,
       SUM(sale_price) AS total,
       CASE
         WHEN SUM(sale_price) > 80000000 THEN 'GOLD'
         WHEN SUM(sale_price) > 7000000 THEN 'SILVER'
         WHEN SUM(sale_price) > 600000 THEN 'BRONZE'
         ELSE 'CLIMBING'
       END AS rewards_level
FROM shoe_order_customer_product
GROUP BY email;

SELECT * FROM shoe_loyalty_levels;

-- 14. Promotion idea 1: every 10th Jones-Stokes pair is free.
SELECT email,
       COUNT(*) AS total,
       COUNT(*) % 10 AS sequence,
       (COUNT(*) % 10) = 0 AS next_one_free
FROM shoe_order_customer_product
WHERE brand = 'Jones-Stokes'
GROUP BY email;

-- 15. Promotion idea 2: more than 10 pairs across Braun-Bruen and Will Inc, both brands.
SELECT email,
       COLLECT(brand) AS products,
       'bundle_offer' AS promotion_name
FROM shoe_order_customer_product
WHERE brand IN ('Braun-Bruen', 'Will Inc')
GROUP BY email
HAVING COUNT(DISTINCT brand) = 2 AND COUNT(brand) > 10;

-- 16-17. Both promotions into one keyed table, deployed as one job. When a HAVING stops
--        matching (the 11th Jones-Stokes order), the row is retracted: a tombstone.
CREATE TABLE shoe_promotions (
  email          STRING,
  promotion_name STRING,
  PRIMARY KEY (email) NOT ENFORCED
) DISTRIBUTED INTO 1 BUCKETS;

EXECUTE STATEMENT SET
BEGIN
  INSERT INTO shoe_promotions
  SELECT email, 'next_free' AS promotion_name
  FROM shoe_order_customer_product
  WHERE brand = 'Jones-Stokes'
  GROUP BY email
  HAVING COUNT(*) % 10 = 0;

  INSERT INTO shoe_promotions
  SELECT email, 'bundle_offer' AS promotion_name
  FROM shoe_order_customer_product
  WHERE brand IN ('Braun-Bruen', 'Will Inc')
  GROUP BY email
  HAVING COUNT(DISTINCT brand) = 2 AND COUNT(brand) > 10;
END;

-- 18. The current offers.
SELECT * FROM shoe_promotions;
