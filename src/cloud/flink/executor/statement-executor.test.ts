import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let h: FlinkHarness;

before(async () => {
  h = await FlinkHarness.start();
  const ct = await h.run('create-orders', 'CREATE TABLE orders (id INT, product STRING, price DOUBLE)');
  assert.equal(ct.status.phase, 'COMPLETED', ct.status.detail);
  h.produce('orders', [[1, 'shoe', 12.5], [2, 'sock', 3.0], [3, 'hat', 20.0], [4, 'scarf', 15.0], [5, 'belt', 11.0]]);
});
after(async () => { await h.close(); });

test('CREATE TABLE through the sql/v1 API completes with Confluent detail and traits', () => {
  const s = h.cloud.statements.get(h.envId, 'create-orders');
  assert.equal(s?.status.detail, "Table 'orders' created");
  assert.equal(s?.status.traits?.sqlKind, 'CREATE_TABLE');
  assert.deepEqual(h.table('orders').columns.map((c) => c.name), ['id', 'product', 'price']);
});

test('SELECT … LIMIT 3 completes with 3 rows fetched through /results', async () => {
  const s = await h.run('top3', 'SELECT id, UPPER(product) AS p FROM orders WHERE price > 10 LIMIT 3', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.deepEqual({ kind: s.status.traits?.sqlKind, bounded: s.status.traits?.isBounded, append: s.status.traits?.isAppendOnly }, { kind: 'SELECT', bounded: true, append: true });
  assert.deepEqual(s.status.traits?.columns.map((c) => c.name), ['id', 'p']);
  assert.deepEqual(await h.results('top3'), [
    { op: 0, row: ['1', 'SHOE'] }, { op: 0, row: ['3', 'HAT'] }, { op: 0, row: ['4', 'SCARF'] },
  ]);
});

test('INSERT INTO … SELECT runs; stop then resume continues from the savepoint without duplicates', async () => {
  assert.equal((await h.run('create-big', 'CREATE TABLE big_orders (id INT, product STRING)')).status.phase, 'COMPLETED');
  const s = await h.run('route-big', 'INSERT INTO big_orders SELECT id, product FROM orders WHERE price > 10');
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  assert.equal(s.status.traits?.sqlKind, 'INSERT_INTO');
  assert.equal(s.status.traits?.isBounded, false);
  await h.until(() => h.read('big_orders').length === 4, 'the first 4 rows in big_orders');

  assert.equal((await h.setStopped('route-big', true)).status, 200);
  const stopped = await h.awaitPhase('route-big', ['STOPPED', 'FAILED']);
  assert.equal(stopped.status.phase, 'STOPPED');
  assert.match(stopped.status.latestOffsets?.['orders'] ?? '', /offset:/);

  h.produce('orders', [[6, 'boot', 99.0], [7, 'lace', 1.0]]);
  await h.setStopped('route-big', false);
  assert.equal((await h.awaitPhase('route-big', ['RUNNING', 'FAILED'])).status.phase, 'RUNNING');
  await h.until(() => h.read('big_orders').length >= 5, 'the resumed row in big_orders');
  await h.setStopped('route-big', true);
  await h.awaitPhase('route-big', ['STOPPED']);
  // After the second savepoint everything read is committed: each row exactly once.
  assert.deepEqual(h.read('big_orders').map((r) => r[0]).sort(), [1, 3, 4, 5, 6]);
});

test('an unknown column fails the statement with Confluent wording and position', async () => {
  const s = await h.run('bad-column', 'SELECT nope FROM orders', { until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'FAILED');
  assert.equal(s.status.detail, "SQL validation failed. Error from line 1, column 8 to line 1, column 11.\n\nCaused by: Column 'nope' not found in any table");
  assert.equal(h.cloud.statements.exceptions(h.envId, 'bad-column')[0]?.message, s.status.detail);
});

test('an undecodable record fails the statement naming topic, partition and offset', async () => {
  assert.equal((await h.run('create-raw', 'CREATE TABLE fragile (id INT)')).status.phase, 'COMPLETED');
  h.cloud.topics.append(h.clusterId, 'fragile', [{ key: null, value: Buffer.from('not avro'), partition: 2 }]);
  const s = await h.run('read-fragile', 'SELECT * FROM fragile', { until: ['FAILED', 'COMPLETED'] });
  assert.equal(s.status.phase, 'FAILED');
  assert.match(s.status.detail, /^Failed to deserialize a record of topic 'fragile' at partition 2, offset 0: /);
});

test('sql.local-time-zone renders TIMESTAMP_LTZ results; an unknown zone fails the statement', async () => {
  const s = await h.run('tokyo', 'SELECT TO_TIMESTAMP_LTZ(0, 3)', { properties: { 'sql.local-time-zone': 'Asia/Tokyo' }, until: ['COMPLETED', 'FAILED'] });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.deepEqual(await h.results('tokyo'), [{ op: 0, row: ['1970-01-01 09:00:00.000'] }]);
  const bad = await h.run('nowhere', 'SELECT 1', { properties: { 'sql.local-time-zone': 'Mars/Olympus' }, until: ['COMPLETED', 'FAILED'] });
  assert.equal(bad.status.phase, 'FAILED');
  assert.match(bad.status.detail, /^Invalid value for property 'sql.local-time-zone': 'Mars\/Olympus'/);
});

test('a deleted running statement stops its job', async () => {
  const s = await h.run('to-delete', 'SELECT * FROM orders');
  assert.equal(s.status.phase, 'RUNNING');
  assert.ok(h.executor.running.some((k) => k.endsWith('to-delete')));
  const del = await fetch(`${h.cloud.url}${h.statementsPath}/to-delete`, { method: 'DELETE' });
  assert.equal(del.status, 202);
  await h.until(() => !h.executor.running.some((k) => k.endsWith('to-delete')), 'the job to halt');
  assert.equal(h.cloud.statements.get(h.envId, 'to-delete'), undefined);
});

test('sql.dry-run validates without running or creating anything', async () => {
  const dry = { 'sql.dry-run': 'true' };
  const ctas = await h.run('dry-ctas', 'CREATE TABLE dry_copy AS SELECT id FROM orders', { properties: dry, until: ['COMPLETED', 'FAILED'] });
  assert.equal(ctas.status.phase, 'COMPLETED', ctas.status.detail);
  assert.equal(h.cloud.topics.hasTopic(h.clusterId, 'dry_copy'), false);
  const ddl = await h.run('dry-ddl', 'CREATE TABLE dry_table (a INT)', { properties: dry, until: ['COMPLETED', 'FAILED'] });
  assert.equal(ddl.status.phase, 'COMPLETED');
  assert.equal(h.cloud.topics.hasTopic(h.clusterId, 'dry_table'), false);
  const bad = await h.run('dry-bad', 'INSERT INTO orders SELECT id FROM orders', { properties: dry, until: ['COMPLETED', 'FAILED'] });
  assert.equal(bad.status.phase, 'FAILED');
  assert.match(bad.status.detail, /Different number of columns/);
});
