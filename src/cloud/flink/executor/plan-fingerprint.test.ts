import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { systemClock, systemIds } from '../../../shared/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { CheckpointStore } from '../runtime/index.js';
import { FlinkHarness } from './executor-harness.js';
import { planFingerprint } from './plan-fingerprint.js';
import { prepareStatement } from './statement-job.js';

let h: FlinkHarness;

before(async () => {
  h = await FlinkHarness.start();
  assert.equal((await h.run('create-orders', 'CREATE TABLE orders (id INT, product STRING, price DOUBLE)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('create-totals', 'CREATE TABLE totals (product STRING, n BIGINT, PRIMARY KEY (product) NOT ENFORCED)')).status.phase, 'COMPLETED');
  h.produce('orders', [[1, 'shoe', 12.5], [2, 'sock', 3.0], [3, 'shoe', 20.0]]);
});
after(async () => { await h.close(); });

function fingerprint(sql: string, properties: Readonly<Record<string, string>> = {}): string {
  const c = h.cloud;
  const catalog = new FlinkCatalog({ db: c.database, controlPlane: c.controlPlane, topics: c.topics, schemaRegistry: c.schemaRegistry, clock: systemClock });
  const p = prepareStatement(sql, { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', ...properties }, catalog, { firstLaunch: false, clock: systemClock, ids: systemIds });
  assert.ok(p.value?.kind === 'job', p.diagnostics.map((d) => d.summary).join('\n'));
  return planFingerprint(p.value.plan);
}

test('the plan shape follows the state layout, not the startup options', () => {
  const sql = 'INSERT INTO totals SELECT product, COUNT(*) FROM orders GROUP BY product';
  assert.equal(fingerprint(sql), fingerprint(sql), 'the same SQL plans to the same shape');
  // A carried-over statement plans its first run with start offsets and a resume without them.
  assert.equal(fingerprint(sql, { 'sql.tables.scan.startup.mode': 'latest-offset' }), fingerprint(sql));
  assert.notEqual(fingerprint('INSERT INTO totals SELECT product, COUNT(*) FROM orders WHERE price > 5 GROUP BY product'), fingerprint(sql),
    'a filter is another node: the aggregate\'s state would sit under another node id');
  assert.notEqual(fingerprint('INSERT INTO totals SELECT product, SUM(id) FROM orders GROUP BY product'), fingerprint(sql), 'another aggregate');
  // Join state holds input rows: other columns kept on a side are another layout.
  assert.notEqual(fingerprint('SELECT a.id, b.x FROM orders a JOIN (SELECT id, product AS x FROM orders) b ON a.id = b.id'),
    fingerprint('SELECT a.id, b.x FROM orders a JOIN (SELECT id, price AS x FROM orders) b ON a.id = b.id'));
  // A stateless plan has no state to misfit.
  assert.equal(fingerprint('INSERT INTO totals SELECT product, CAST(id AS BIGINT) FROM orders'), fingerprint('INSERT INTO totals SELECT UPPER(product), CAST(id AS BIGINT) FROM orders WHERE price > 1'));
});

test('a checkpoint written for another plan shape fails the resume with what to do, and is kept', async () => {
  const s = await h.run('count-products', 'INSERT INTO totals SELECT product, COUNT(*) FROM orders GROUP BY product');
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  await h.until(() => h.read('totals').length >= 2, 'the totals');
  await h.setStopped('count-products', true);
  assert.equal((await h.awaitPhase('count-products', ['STOPPED', 'FAILED'])).status.phase, 'STOPPED');

  // What a streamform that plans this SQL differently would have recorded with the checkpoint.
  const db = h.cloud.database;
  assert.equal(db.prepare('UPDATE flink_job_plans SET fingerprint = ? WHERE statement = ?').run('0'.repeat(64), s.uid).changes, 1);

  await h.setStopped('count-products', false);
  const failed = await h.awaitPhase('count-products', ['FAILED', 'RUNNING']);
  assert.equal(failed.status.phase, 'FAILED');
  assert.match(failed.status.detail, /^Cannot restore statement 'count-products' from its checkpoint: its SQL is now planned differently/);
  assert.match(failed.status.detail, /Delete the statement and create it again, or change its SQL with an evolution strategy/);
  assert.ok(new CheckpointStore(db).group(s.uid).length > 0, 'the checkpoint is still there (an older streamform could resume it)');
  assert.deepEqual(h.read('totals').length, 2, 'nothing was written from a misfitting state');
});
