/**
 * The `blackhole` sink takes any changelog, as Flink's does (its factory's getChangelogMode
 * returns the requested mode): updating queries (-U/+U/-D) into a blackhole table run, with or
 * without a declared primary key. Real local cloud over HTTP, real SQLite.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let h: FlinkHarness;

before(async () => {
  h = await FlinkHarness.start();
  const s = await h.run('create-nexmark', `CREATE TABLE nexmark (
    event_type INT,
    person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, dateTime TIMESTAMP(3), extra STRING>,
    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>,
    dateTime AS CASE WHEN event_type = 0 THEN person.dateTime WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END,
    WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
  ) WITH ('connector' = 'nexmark', 'events.num' = '5000')`, { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
});
after(async () => { await h.close(); });

test('a GROUP BY (updates) into a blackhole table without a key runs to COMPLETED', async () => {
  const sink = await h.run('create-agg-sink', "CREATE TABLE agg_sink (auction BIGINT, n BIGINT) WITH ('connector' = 'blackhole')", { until: ['COMPLETED', 'FAILED'] });
  assert.equal(sink.status.phase, 'COMPLETED', sink.status.detail);
  const q = await h.run('q17', 'INSERT INTO agg_sink SELECT bid.auction, COUNT(*) FROM nexmark WHERE event_type = 2 GROUP BY bid.auction', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(q.status.phase, 'COMPLETED', q.status.detail);
  assert.equal(q.status.traits?.isAppendOnly, false, 'the query really produced updates');
});

test('a ROW_NUMBER deduplication (updates) into a blackhole table with a primary key runs to COMPLETED', async () => {
  const sink = await h.run('create-keyed-sink', "CREATE TABLE keyed_sink (auction BIGINT, bidder BIGINT, price BIGINT, PRIMARY KEY (bidder, auction) NOT ENFORCED) WITH ('connector' = 'blackhole')", { until: ['COMPLETED', 'FAILED'] });
  assert.equal(sink.status.phase, 'COMPLETED', sink.status.detail);
  const q = await h.run('q18', `INSERT INTO keyed_sink SELECT auction, bidder, price FROM (
    SELECT bid.auction AS auction, bid.bidder AS bidder, bid.price AS price,
           ROW_NUMBER() OVER (PARTITION BY bid.bidder, bid.auction ORDER BY dateTime DESC) AS rn
    FROM nexmark WHERE event_type = 2) WHERE rn = 1`, { until: ['COMPLETED', 'FAILED'] });
  assert.equal(q.status.phase, 'COMPLETED', q.status.detail);
  assert.equal(q.status.traits?.isAppendOnly, false, 'the query really produced updates');
});
