/**
 * `sql.tables.initial-offset-from` (confluent-flink.md §5.3): the new statement stays PENDING with a
 * detail naming the statement it waits for, starts at that statement's stop offsets once it is
 * STOPPED (no record twice, none lost), lets an explicit OPTIONS hint win, refuses stateful SQL,
 * fails for a missing statement and gives up after 6 hours (injected clock).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let skew = 0;
const clock = { now: (): number => Date.now() + skew };
let h: FlinkHarness;
const FROM = 'sql.tables.initial-offset-from';

before(async () => {
  h = await FlinkHarness.start({ clock, executor: { clock, checkpointIntervalMs: 10, idlePollMs: 1, idleCheckMs: 5 } });
  for (const [name, ddl] of [
    ['t-orders', 'CREATE TABLE orders (id INT, product STRING, price DOUBLE)'],
    ['t-old', 'CREATE TABLE old_sink (id INT, product STRING)'],
    ['t-new', 'CREATE TABLE new_sink (id INT, product STRING)'],
    ['t-hinted', 'CREATE TABLE hinted_sink (id INT, product STRING)'],
  ] as const) assert.equal((await h.run(name, ddl)).status.phase, 'COMPLETED');
  h.produce('orders', [[1, 'shoe', 12.5], [2, 'sock', 3.0], [3, 'hat', 20.0]]);
});
after(async () => { await h.close(); });

test('a carry-over statement waits PENDING for the named statement to stop, then starts exactly at its offsets', async () => {
  assert.equal((await h.run('old', 'INSERT INTO old_sink SELECT id, product FROM orders WHERE price > 10')).status.phase, 'RUNNING');
  await h.until(() => h.read('old_sink').length === 2, 'old_sink has the first 2 orders');

  await h.submit('new', "INSERT INTO new_sink SELECT id, UPPER(product) FROM orders WHERE price > 10", { [FROM]: 'old' });
  await h.until(() => /waiting for statement 'old' to stop/.test(h.cloud.statements.get(h.envId, 'new')?.status.detail ?? ''), 'the waiting detail');
  assert.equal(h.cloud.statements.get(h.envId, 'new')?.status.phase, 'PENDING');

  h.produce('orders', [[4, 'scarf', 15.0]]);
  await h.until(() => h.read('old_sink').length === 3, 'the old statement still works meanwhile');
  assert.equal((await h.setStopped('old', true)).status, 200);
  assert.equal((await h.awaitPhase('old', ['STOPPED', 'FAILED'])).status.phase, 'STOPPED');
  assert.equal((await h.awaitPhase('new', ['RUNNING', 'FAILED'])).status.phase, 'RUNNING');

  h.produce('orders', [[5, 'belt', 11.0], [6, 'lace', 1.0]]);
  await h.until(() => h.read('new_sink').length === 1, 'the order produced after the stop');
  assert.deepEqual(h.read('old_sink').map((r) => r[0]), [1, 3, 4]);
  assert.deepEqual(h.read('new_sink'), [[5, 'BELT']], 'starts at the stop offsets: nothing twice, nothing lost');
});

test('an explicit scan.startup.mode hint wins over the carried offsets', async () => {
  const s = await h.run('hinted', "INSERT INTO hinted_sink SELECT id, product FROM orders /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ WHERE price > 10", { properties: { [FROM]: 'old' } });
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  await h.until(() => h.read('hinted_sink').length === 4, 'every order from earliest');
});

test('a stateful statement cannot carry offsets over; a missing statement fails at once', async () => {
  const agg = await h.run('agg', 'SELECT product, COUNT(*) FROM orders GROUP BY product', { properties: { [FROM]: 'old' }, until: ['FAILED', 'RUNNING'] });
  assert.equal(agg.status.phase, 'FAILED');
  assert.match(agg.status.detail, /^Offsets cannot be carried over from statement 'old': the statement is not stateless \(it uses an aggregation/);
  const missing = await h.run('orphan', 'INSERT INTO new_sink SELECT id, product FROM orders', { properties: { [FROM]: 'nope' }, until: ['FAILED', 'RUNNING'] });
  assert.equal(missing.status.phase, 'FAILED');
  assert.match(missing.status.detail, /Statement 'nope' given in 'sql.tables.initial-offset-from' does not exist/);
});

test('a carry-over statement gives up after waiting 6 hours', async () => {
  assert.equal((await h.run('keeps-running', 'INSERT INTO old_sink SELECT id, product FROM orders')).status.phase, 'RUNNING');
  await h.submit('impatient', 'INSERT INTO new_sink SELECT id, product FROM orders', { [FROM]: 'keeps-running' });
  await h.until(() => /waiting for statement 'keeps-running'/.test(h.cloud.statements.get(h.envId, 'impatient')?.status.detail ?? ''), 'the waiting detail');
  skew += 6 * 60 * 60_000 + 1000;
  const s = await h.awaitPhase('impatient', ['FAILED', 'RUNNING']);
  assert.equal(s.status.phase, 'FAILED');
  assert.match(s.status.detail, /did not stop within 6 hours/);
});
