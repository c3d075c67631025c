import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';
import type { StatementPhase } from '../statements/index.js';
import { writableColumns } from '../binder/index.js';
import { tableSerializer } from './row-codecs.js';

let h: FlinkHarness;

before(async () => {
  // Short backoff so restarts happen within the test; DEGRADED after 3 failures in a row.
  h = await FlinkHarness.start({ executor: { checkpointIntervalMs: 10, idlePollMs: 1, restart: { initialBackoffMs: 5, maxBackoffMs: 20, degradedAfter: 3 } } });
});
after(async () => { await h.close(); });

/** Every phase a statement passes through from now on (store events). */
function phasesOf(name: string): StatementPhase[] {
  const seen: StatementPhase[] = [];
  h.cloud.statements.subscribe((e) => {
    const s = e.name === name ? h.cloud.statements.get(h.envId, name) : undefined;
    if (s !== undefined && seen[seen.length - 1] !== s.status.phase) seen.push(s.status.phase);
  });
  return seen;
}

test('a deleted source topic keeps an INSERT restarting (DEGRADED, exceptions listed); recreating it returns RUNNING', async () => {
  assert.equal((await h.run('create-src', 'CREATE TABLE src (id INT, name STRING)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('create-dst', 'CREATE TABLE dst (id INT, name STRING)')).status.phase, 'COMPLETED');
  h.produce('src', [[1, 'a'], [2, 'b']]);
  const s = await h.run('copy', 'INSERT INTO dst SELECT id, name FROM src');
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  await h.until(() => h.read('dst').length === 2, 'the first rows in dst');

  // A recreated topic starts without the CREATE TABLE definition (the table is inferred again):
  // keep the original value codec to write the next row.
  const t = h.table('src');
  const ser = tableSerializer(t, writableColumns(t), h.cloud.schemaRegistry.codec(t.schemaRegistryId ?? '')).value;
  assert.ok(ser !== undefined);
  const seen = phasesOf('copy');
  const partitions = h.cloud.topics.partitionOffsets(h.clusterId, 'src').length;
  h.cloud.topics.deleteTopic(h.clusterId, 'src');
  const degraded = await h.awaitPhase('copy', ['DEGRADED', 'FAILED']);
  assert.equal(degraded.status.phase, 'DEGRADED');
  assert.equal(degraded.status.detail, 'Statement is degraded');
  assert.ok(h.cloud.statements.exceptions(h.envId, 'copy').length >= 3);

  h.cloud.topics.createTopic(h.clusterId, 'src', { partitionsCount: partitions });
  const back = await h.awaitPhase('copy', ['RUNNING', 'FAILED']);
  assert.equal(back.status.phase, 'RUNNING', back.status.detail);
  h.cloud.topics.append(h.clusterId, 'src', [{ key: null, value: ser.value([3, 'c']) }]);
  await h.until(() => h.read('dst').some((r) => r[0] === 3), 'the row written after the topic came back');
  assert.ok(!seen.includes('FAILED') && !seen.includes('FAILING'), `phases: ${seen.join(' → ')}`);
  // Exactly once across the restarts: rows before the deletion are not written again.
  assert.deepEqual(h.read('dst').map((r) => r[0]).sort(), [1, 2, 3]);
});

test('a statement stopped while waiting for a restart ends STOPPED', async () => {
  assert.equal((await h.run('create-src2', 'CREATE TABLE src2 (id INT)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('create-dst2', 'CREATE TABLE dst2 (id INT)')).status.phase, 'COMPLETED');
  h.produce('src2', [[1]]);
  // In a compute pool, so its CFUs are accounted.
  const created = await post('/fcpm/v2/compute-pools', { spec: { display_name: 'p', cloud: 'AWS', region: 'us-east-1', max_cfu: 10, environment: { id: h.envId } } });
  const pool = String(created['id']);
  await post(h.statementsPath, {
    name: 'copy2',
    spec: { statement: 'INSERT INTO dst2 SELECT id FROM src2', compute_pool_id: pool, properties: { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0' } },
  });
  assert.equal((await h.awaitPhase('copy2', ['RUNNING', 'FAILED'])).status.phase, 'RUNNING');
  await h.until(() => h.read('dst2').length === 1, 'the first row in dst2');
  h.cloud.topics.deleteTopic(h.clusterId, 'src2');
  const degraded = await h.awaitPhase('copy2', ['DEGRADED', 'FAILED']);
  assert.equal(degraded.status.phase, 'DEGRADED');
  // A DEGRADED statement still holds its CFUs (§5.2); a stopped one holds none.
  assert.equal(degraded.spec.computePoolId, pool);
  assert.ok(h.cloud.operations.currentCfu(pool) >= 1);
  assert.equal((await h.setStopped('copy2', true)).status, 200);
  assert.equal((await h.awaitPhase('copy2', ['STOPPED', 'FAILED'])).status.phase, 'STOPPED');
  assert.equal(h.cloud.operations.currentCfu(pool), 0);
});

test('a record that cannot be deserialized still fails a running INSERT', async () => {
  assert.equal((await h.run('create-frag', 'CREATE TABLE frag (id INT)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('create-frag-out', 'CREATE TABLE frag_out (id INT)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('copy-frag', 'INSERT INTO frag_out SELECT id FROM frag')).status.phase, 'RUNNING');
  const seen = phasesOf('copy-frag');
  h.cloud.topics.append(h.clusterId, 'frag', [{ key: null, value: Buffer.from('not avro'), partition: 0 }]);
  const s = await h.awaitPhase('copy-frag', ['FAILED', 'DEGRADED']);
  assert.equal(s.status.phase, 'FAILED');
  assert.match(s.status.detail, /^Failed to deserialize a record of topic 'frag'/);
  assert.ok(!seen.includes('DEGRADED'));
  assert.equal(h.cloud.statements.exceptions(h.envId, 'copy-frag').length, 1);
});

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${h.cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  assert.ok(res.status < 300, `POST ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
  return json;
}
