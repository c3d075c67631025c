import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let h: FlinkHarness;

/** The Nexmark benchmark's wide source table (nexmark.md §1), bounded to `events` events. */
function nexmarkDdl(name: string, events: number): string {
  return `CREATE TABLE ${name} (
    event_type INT,
    person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, dateTime TIMESTAMP(3), extra STRING>,
    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>,
    dateTime AS CASE WHEN event_type = 0 THEN person.dateTime WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END,
    WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
  ) WITH ('connector' = 'nexmark', 'events.num' = '${events}', 'first-event.rate' = '10000000', 'next-event.rate' = '10000000')`;
}

before(async () => {
  h = await FlinkHarness.start();
  const s = await h.run('create-nexmark', nexmarkDdl('nexmark', 10_000), { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
});
after(async () => { await h.close(); });

test('a bounded nexmark INSERT into a blackhole sink runs to COMPLETED', async () => {
  const sink = await h.run('create-sink', "CREATE TABLE bid_sink (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3)) WITH ('connector' = 'blackhole')", { until: ['COMPLETED', 'FAILED'] });
  assert.equal(sink.status.phase, 'COMPLETED', sink.status.detail);
  const s = await h.run('q0', 'INSERT INTO bid_sink SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, dateTime FROM nexmark WHERE event_type = 2', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.equal(s.status.traits?.sqlKind, 'INSERT_INTO');
  assert.equal(s.status.traits?.isBounded, true, "'events.num' > 0: the job ends by itself");
  assert.equal(h.cloud.topics.hasTopic(h.clusterId, 'bid_sink'), false);
  assert.equal(h.cloud.topics.hasTopic(h.clusterId, 'nexmark'), false);
});

test('a SELECT over nexmark with LIMIT returns rows with the expected columns', async () => {
  const s = await h.run('peek', 'SELECT event_type, bid.auction AS auction, bid.price AS price, dateTime FROM nexmark WHERE event_type = 2 LIMIT 5', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.deepEqual(s.status.traits?.columns.map((c) => c.name), ['event_type', 'auction', 'price', 'dateTime']);
  const rows = await h.results('peek');
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.equal(r.row[0], '2');
    assert.match(String(r.row[1]), /^\d+$/);
    assert.ok(Number(r.row[1]) >= 1000);
    assert.match(String(r.row[3]), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
  }
});

test('the benchmark string functions over generated bids: q21 channel ids, q22 url directories, q1 euros', async () => {
  const bid = '(SELECT bid.auction AS auction, bid.price AS price, bid.channel AS channel, bid.url AS url FROM nexmark WHERE event_type = 2) AS b';
  const q21 = await h.run('q21', `SELECT channel, CASE LOWER(channel) WHEN 'apple' THEN '0' WHEN 'google' THEN '1' WHEN 'facebook' THEN '2' WHEN 'baidu' THEN '3'
    ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id FROM ${bid}
    WHERE LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu') OR REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL LIMIT 200`, { until: ['COMPLETED', 'FAILED'] });
  assert.equal(q21.status.phase, 'COMPLETED', q21.status.detail);
  const named: Record<string, string> = { Apple: '0', Google: '1', Facebook: '2', Baidu: '3' };
  const rows = await h.results('q21');
  assert.equal(rows.length, 200);
  for (const r of rows) {
    const channel = String(r.row[0]);
    assert.equal(r.row[1], named[channel] ?? channel.replace(/^channel-/, ''), channel);
  }
  const q22 = await h.run('q22', `SELECT url, SPLIT_INDEX(url, '/', 3) AS dir1, SPLIT_INDEX(url, '/', 4) AS dir2 FROM ${bid} LIMIT 3`, { until: ['COMPLETED', 'FAILED'] });
  assert.equal(q22.status.phase, 'COMPLETED', q22.status.detail);
  for (const r of await h.results('q22')) assert.equal(String(r.row[0]).split('/').slice(3, 5).join('|'), `${String(r.row[1])}|${String(r.row[2])}`);
  const q1 = await h.run('q1', `SELECT price, 0.908 * price AS euros FROM ${bid} LIMIT 3`, { until: ['COMPLETED', 'FAILED'] });
  assert.equal(q1.status.phase, 'COMPLETED', q1.status.detail);
  for (const r of await h.results('q1')) assert.equal(r.row[1], (BigInt(String(r.row[0])) * 908n).toString().replace(/(\d{3})$/, '.$1').replace(/^\./, '0.'));
});

test('nexmark option mistakes fail the statement with the connector diagnostics', async () => {
  const c = await h.run('create-bad', "CREATE TABLE bad_nexmark (event_type INT) WITH ('connector' = 'nexmark', 'events.nums' = '10')", { until: ['COMPLETED', 'FAILED'] });
  assert.equal(c.status.phase, 'COMPLETED', c.status.detail);
  const s = await h.run('read-bad', 'SELECT * FROM bad_nexmark LIMIT 1', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'FAILED');
  assert.match(s.status.detail, /Unsupported option 'events\.nums' for connector 'nexmark'/);
});

test('a blackhole table cannot be read and a nexmark table cannot be written', async () => {
  await h.run('create-bh', "CREATE TABLE bh (x INT) WITH ('connector' = 'blackhole')", { until: ['COMPLETED', 'FAILED'] });
  const read = await h.run('read-bh', 'SELECT * FROM bh', { until: ['COMPLETED', 'FAILED', 'RUNNING'] });
  assert.equal(read.status.phase, 'FAILED');
  assert.match(read.status.detail, /can only be used as a sink/);
  const write = await h.run('write-nexmark', 'INSERT INTO bad_nexmark VALUES (1)', { until: ['COMPLETED', 'FAILED', 'RUNNING'] });
  assert.equal(write.status.phase, 'FAILED');
  assert.match(write.status.detail, /can only be used as a source/);
});

test('SELECT * FROM examples.marketplace.orders LIMIT 5 returns 5 generated orders', async () => {
  const s = await h.run('orders', 'SELECT * FROM `examples`.`marketplace`.`orders` LIMIT 5', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.deepEqual(s.status.traits?.columns.map((c) => c.name), ['order_id', 'customer_id', 'product_id', 'price']);
  const rows = await h.results('orders');
  assert.equal(rows.length, 5);
  for (const r of rows) {
    assert.match(String(r.row[0]), /^[0-9a-f-]{36}$/);
    assert.ok(Number(r.row[1]) >= 3000 && Number(r.row[1]) <= 3250);
  }
});

test('SELECT * FROM examples.marketplace.customers LIMIT 3 (an upsert table) runs unbounded and holds 3 rows', async () => {
  const s = await h.run('customers-3', 'SELECT * FROM `examples`.`marketplace`.`customers` LIMIT 3', { until: ['RUNNING', 'FAILED', 'COMPLETED'] });
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  assert.equal(s.status.traits?.isBounded, false);
  assert.equal(s.status.traits?.isAppendOnly, false);
  // The faker source emits 50 rows/s; poll the results (each read starts from the first change).
  let held = new Map<string, number>();
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    held = new Map();
    for (const c of await h.results('customers-3')) {
      const k = JSON.stringify(c.row);
      held.set(k, (held.get(k) ?? 0) + (c.op === 0 || c.op === 2 ? 1 : -1));
      if (held.get(k) === 0) held.delete(k);
    }
    assert.ok(held.size <= 3, `at most 3 rows at any time, got ${held.size}`);
    if (held.size === 3) break;
    await new Promise<void>((r) => setTimeout(r, 20));
  }
  assert.equal(held.size, 3);
  assert.equal((await h.setStopped('customers-3', true)).status, 200);
  assert.equal((await h.awaitPhase('customers-3', ['STOPPED', 'FAILED'])).status.phase, 'STOPPED');
});
