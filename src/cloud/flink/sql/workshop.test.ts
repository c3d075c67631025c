import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Statement } from './ast.js';
import { parseOk } from './parser-test-support.js';
import { parseStatements } from './parse.js';

/** Statements in the style of Confluent's Flink shoe-store workshop. */
const SHOE_STORE: readonly (readonly [string, Statement['kind']])[] = [
  ['SHOW CATALOGS', 'Show'],
  ['USE CATALOG `my-environment`', 'UseCatalog'],
  ['SHOW DATABASES', 'Show'],
  ['USE `my-cluster`', 'Use'],
  ['SHOW TABLES', 'Show'],
  ['SHOW CREATE TABLE shoe_products', 'ShowCreate'],
  ['DESCRIBE shoe_products', 'Describe'],
  ['DESCRIBE EXTENDED shoe_products', 'Describe'],
  ['SELECT * FROM shoe_products', 'QueryStatement'],
  ["SELECT order_id, product_id, customer_id, $rowtime FROM shoe_orders WHERE customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a' LIMIT 10", 'QueryStatement'],
  ['SELECT COUNT(id) AS num_customers FROM shoe_customers', 'QueryStatement'],
  ['SELECT COUNT(DISTINCT id) AS num_customers FROM shoe_customers', 'QueryStatement'],
  ['SELECT brand as brand_name, COUNT(DISTINCT name) as models_by_brand FROM shoe_products GROUP BY brand', 'QueryStatement'],
  [`SELECT window_end, COUNT(DISTINCT order_id) AS num_orders
    FROM TABLE(TUMBLE(TABLE shoe_orders, DESCRIPTOR(\`$rowtime\`), INTERVAL '1' MINUTES))
    GROUP BY window_end`, 'QueryStatement'],
  [`SELECT window_start, window_end, COUNT(DISTINCT order_id) AS num_orders
    FROM TABLE(HOP(TABLE shoe_orders, DESCRIPTOR(\`$rowtime\`), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
    GROUP BY window_start, window_end`, 'QueryStatement'],
  [`CREATE TABLE shoe_customers_keyed(
      customer_id STRING,
      first_name STRING,
      last_name STRING,
      email STRING,
      PRIMARY KEY (customer_id) NOT ENFORCED
    ) DISTRIBUTED INTO 1 BUCKETS`, 'CreateTable'],
  ['INSERT INTO shoe_customers_keyed SELECT id, first_name, last_name, email FROM shoe_customers', 'Insert'],
  [`CREATE TABLE shoe_order_customer_product(
      order_id INT, first_name STRING, last_name STRING, email STRING,
      brand STRING, model STRING, sale_price INT, rating DOUBLE
    ) DISTRIBUTED INTO 1 BUCKETS WITH ('changelog.mode' = 'retract')`, 'CreateTable'],
  [`INSERT INTO shoe_order_customer_product(order_id, first_name, last_name, email, brand, model, sale_price, rating)
    SELECT so.order_id, sc.first_name, sc.last_name, sc.email, sp.brand, sp.model, sp.sale_price, sp.rating
    FROM shoe_orders so
      INNER JOIN shoe_customers_keyed sc ON so.customer_id = sc.customer_id
      INNER JOIN shoe_products_keyed sp ON so.product_id = sp.product_id`, 'Insert'],
  [`INSERT INTO shoe_order_customer_product
    SELECT /*+ STATE_TTL('so'='6h', 'sc'='2d', 'sp'='2d') */ so.order_id, sc.first_name
    FROM shoe_orders so
      JOIN shoe_customers_keyed sc ON so.customer_id = sc.customer_id
      JOIN shoe_products_keyed sp ON so.product_id = sp.product_id`, 'Insert'],
  [`SELECT order_id, shoe_orders.\`$rowtime\`, first_name, last_name
    FROM shoe_orders
      INNER JOIN shoe_customers_keyed FOR SYSTEM_TIME AS OF shoe_orders.\`$rowtime\`
      ON shoe_orders.customer_id = shoe_customers_keyed.customer_id
    WHERE customer_id = 'b523f7f3-0338-4f1f-a951-a387beeb8b6a'`, 'QueryStatement'],
  [`INSERT INTO shoe_loyalty_levels(email, total, rewards_level)
    SELECT email, SUM(sale_price) AS total,
      CASE
        WHEN SUM(sale_price) > 700000 THEN 'GOLD'
        WHEN SUM(sale_price) > 70000 THEN 'SILVER'
        WHEN SUM(sale_price) > 700 THEN 'BRONZE'
        ELSE 'CLIMBING'
      END AS rewards_level
    FROM shoe_order_customer_product
    GROUP BY email`, 'Insert'],
  [`EXECUTE STATEMENT SET
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
    END`, 'StatementSet'],
  ['SELECT email, COLLECT(brand) AS products_purchased FROM shoe_order_customer_product GROUP BY email', 'QueryStatement'],
  [`SELECT o.order_id, o.\`$rowtime\`, c.url
    FROM shoe_orders o, shoe_clickstream c
    WHERE o.customer_id = c.user_id
      AND c.\`$rowtime\` BETWEEN o.\`$rowtime\` - INTERVAL '10' MINUTE AND o.\`$rowtime\``, 'QueryStatement'],
  [`SELECT *
    FROM shoe_clickstream
      MATCH_RECOGNIZE (
        PARTITION BY user_id
        ORDER BY \`$rowtime\`
        MEASURES
          FIRST(A.\`$rowtime\`) AS start_tstamp,
          LAST(C.\`$rowtime\`) AS end_tstamp,
          A.product_id AS first_product
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO NEXT ROW
        PATTERN (A B C)
        DEFINE
          A AS A.view_time > 30,
          B AS B.view_time > 30 AND B.product_id <> A.product_id,
          C AS C.view_time > 30
      ) AS mr`, 'QueryStatement'],
  [`SELECT * FROM shoe_orders MATCH_RECOGNIZE (
      PARTITION BY customer_id ORDER BY \`$rowtime\`
      MEASURES COUNT(A.order_id) AS n
      PATTERN (A+ B)
      DEFINE A AS A.product_id = 'x', B AS B.product_id <> 'x')`, 'QueryStatement'],
  [`SELECT * FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY \`$rowtime\` DESC) AS rownum
      FROM shoe_customers)
    WHERE rownum = 1`, 'QueryStatement'],
  ["SET 'sql.state-ttl' = '12 h'", 'Set'],
  ["SET 'client.statement-name' = 'my-statement'", 'Set'],
];

/** Nexmark-style queries as published for Flink (views over one datagen source). */
const NEXMARK: readonly (readonly [string, string])[] = [
  ['q0', 'SELECT auction, bidder, price, dateTime, extra FROM bid'],
  ['q1', 'SELECT auction, bidder, 0.908 * price as price, dateTime, extra FROM bid'],
  ['q2', 'SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0'],
  ['q3', `SELECT P.name, P.city, P.state, A.id FROM auction AS A INNER JOIN person AS P on A.seller = P.id
    WHERE A.category = 10 and (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')`],
  ['q4', `SELECT Q.category, AVG(Q.final) FROM (
      SELECT MAX(B.price) AS final, A.category FROM auction A, bid B
      WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
      GROUP BY A.id, A.category) Q
    GROUP BY Q.category`],
  ['q5', `SELECT AuctionBids.auction, AuctionBids.num FROM (
      SELECT auction, count(*) AS num, window_start AS starttime, window_end AS endtime
      FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
      GROUP BY auction, window_start, window_end
    ) AS AuctionBids
    JOIN (
      SELECT max(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM (
        SELECT count(*) AS num, window_start AS starttime, window_end AS endtime
        FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
        GROUP BY auction, window_start, window_end) AS CountBids
      GROUP BY CountBids.starttime, CountBids.endtime
    ) AS MaxBids
    ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime AND AuctionBids.num >= MaxBids.maxn`],
  ['q7', `SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra FROM bid B
    JOIN (SELECT MAX(price) AS maxprice, window_end as dateTime
          FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
          GROUP BY window_start, window_end) B1
    ON B.price = B1.maxprice
    WHERE B.dateTime BETWEEN B1.dateTime - INTERVAL '10' SECOND AND B1.dateTime`],
  ['q8', `SELECT P.id, P.name, P.starttime FROM (
      SELECT id, name, window_start AS starttime, window_end AS endtime
      FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
      GROUP BY id, name, window_start, window_end) P
    JOIN (
      SELECT seller, window_start AS starttime, window_end AS endtime
      FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
      GROUP BY seller, window_start, window_end) A
    ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime`],
  ['q11', `SELECT B.bidder, count(*) as bid_count, window_start as starttime, window_end as endtime
    FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(dateTime), INTERVAL '10' SECOND)) B
    GROUP BY B.bidder, window_start, window_end`],
  ['q11-named', `SELECT bidder, count(*) FROM TABLE(SESSION(DATA => TABLE bid PARTITION BY bidder,
      TIMECOL => DESCRIPTOR(dateTime), GAP => INTERVAL '10' SECOND)) GROUP BY bidder, window_start, window_end`],
  ['q12', `SELECT B.bidder, count(*) as bid_count, window_start, window_end
    FROM TABLE(TUMBLE(TABLE (SELECT *, PROCTIME() as p_time FROM bid), DESCRIPTOR(p_time), INTERVAL '10' SECOND)) B
    GROUP BY B.bidder, window_start, window_end`],
  ['q13', `SELECT B.auction, B.bidder, B.price, B.dateTime, S.\`value\`
    FROM (SELECT *, PROCTIME() as p_time FROM bid) B
    JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
    ON mod(B.auction, 10000) = S.key`],
  ['q14', `SELECT auction, bidder, 0.908 * price as price,
      CASE
        WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'
        WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'
        ELSE 'otherTime'
      END AS bidTimeType, dateTime, extra, count_char(extra, 'c') AS c_counts
    FROM bid
    WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000`],
  ['q15', `SELECT DATE_FORMAT(dateTime, 'yyyy-MM-dd') as \`day\`,
      count(*) AS total_bids,
      count(*) filter (where price < 10000) AS rank1_bids,
      count(*) filter (where price >= 10000 and price < 1000000) AS rank2_bids,
      count(distinct bidder) AS total_bidders,
      count(distinct bidder) filter (where price < 10000) AS rank1_bidders
    FROM bid GROUP BY DATE_FORMAT(dateTime, 'yyyy-MM-dd')`],
  ['q16', `SELECT channel, DATE_FORMAT(dateTime, 'yyyy-MM-dd') as \`day\`, max(DATE_FORMAT(dateTime, 'HH:mm')) as \`minute\`,
      count(*) AS total_bids, count(distinct auction) filter (where price >= 10000) AS rank3_auctions
    FROM bid GROUP BY channel, DATE_FORMAT(dateTime, 'yyyy-MM-dd')`],
  ['q17', `SELECT auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd') as \`day\`, count(*) AS total_bids,
      min(price) AS min_price, max(price) AS max_price, avg(price) AS avg_price, sum(price) AS sum_price
    FROM bid GROUP BY auction, DATE_FORMAT(dateTime, 'yyyy-MM-dd')`],
  ['q18', `SELECT auction, bidder, price, channel, url, dateTime, extra FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY dateTime DESC) AS rank_number FROM bid)
    WHERE rank_number <= 1`],
  ['q19', `SELECT * FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number FROM bid)
    WHERE rank_number <= 10`],
  ['q20', `SELECT auction, bidder, price, channel, url, B.dateTime, B.extra, itemName, description, initialBid, reserve,
      A.dateTime, expires, seller, category, A.extra
    FROM bid AS B INNER JOIN auction AS A on B.auction = A.id WHERE A.category = 10`],
  ['q21', `SELECT auction, bidder, price, channel,
      CASE
        WHEN lower(channel) = 'apple' THEN '0'
        WHEN lower(channel) = 'google' THEN '1'
        WHEN lower(channel) = 'facebook' THEN '2'
        WHEN lower(channel) = 'baidu' THEN '3'
        ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)
      END AS channel_id
    FROM bid
    WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) is not null or lower(channel) in ('apple', 'google', 'facebook', 'baidu')`],
  ['q22', `SELECT auction, bidder, price, channel,
      SPLIT_INDEX(url, '/', 3) as dir1, SPLIT_INDEX(url, '/', 4) as dir2, SPLIT_INDEX(url, '/', 5) as dir3 FROM bid`],
  ['view', `CREATE VIEW bid AS
    WITH events AS (SELECT * FROM datagen WHERE event_type = 2)
    SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, dateTime, bid.extra FROM events`],
  ['cumulate', `SELECT window_start, window_end, SUM(price) FROM TABLE(
      CUMULATE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
    GROUP BY window_start, window_end`],
  ['window-topn', `SELECT * FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
      FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' MINUTES)))
    WHERE rownum <= 3`],
];

describe('shoe-store workshop statements', () => {
  for (const [sql, kind] of SHOE_STORE) {
    it(`parses ${sql.split('\n')[0] ?? sql}`, () => {
      assert.equal(parseOk(sql).kind, kind);
    });
  }

  it('parses the workshop as one script', () => {
    const script = SHOE_STORE.map(([sql]) => `${sql};`).join('\n-- next\n');
    const r = parseStatements(script);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.value?.map((s) => s.kind), SHOE_STORE.map(([, k]) => k));
  });

  it('sees the STATE_TTL hint and the temporal join', () => {
    const ins = parseOk(SHOE_STORE[19]?.[0] ?? '');
    const sel = ins.kind === 'Insert' && ins.query.body.kind === 'Select' ? ins.query.body : undefined;
    assert.deepEqual(sel?.hints.map((h) => [h.name, h.options.length]), [['STATE_TTL', 3]]);
    const q = parseOk(SHOE_STORE[20]?.[0] ?? '');
    const from = q.kind === 'QueryStatement' && q.query.body.kind === 'Select' ? q.query.body.from : undefined;
    assert.equal(from?.kind === 'Join' && from.right.kind === 'TableName' ? from.right.systemTime?.kind : '', 'Identifier');
  });
});

describe('Nexmark queries', () => {
  for (const [name, sql] of NEXMARK) {
    it(`parses ${name}`, () => {
      const s = parseOk(sql);
      assert.ok(s.kind === 'QueryStatement' || s.kind === 'CreateView');
    });
  }
});
