/**
 * Compute-pool capacity end to end: a pool with max_cfu 5 runs 5 unbounded INSERTs, keeps a 6th
 * PENDING with POOL_EXHAUSTED, starts it when one stops, and meters CFU-minutes on the injected clock.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../src/shared/index.js';
import { OpsCloud } from './ops-cloud.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');
const clock = fixedClock(T0);
let c: OpsCloud;

before(async () => {
  // Sampling off: a waiting statement starts only when capacity frees or the pool grows, not on a timer.
  c = await OpsCloud.start({ clock, maxCfu: 5, metricsSampleMs: 0 });
  assert.equal((await c.run('ddl-src', "CREATE TABLE src (v STRING) WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  assert.equal((await c.run('ddl-dst', "CREATE TABLE dst (v STRING) WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
});
after(async () => { await c.close(); });

test('5 statements fill a 5-CFU pool, the 6th waits POOL_EXHAUSTED, a stop lets it start, CFU-minutes accrue', async () => {
  for (let i = 1; i <= 5; i++) {
    const s = await c.run(`ins-${i}`, 'INSERT INTO dst SELECT v FROM src');
    assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  }
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 5);

  const waiting = await c.run('ins-6', 'INSERT INTO dst SELECT v FROM src', (s) => s.status.scalingState === 'POOL_EXHAUSTED');
  assert.equal(waiting.status.phase, 'PENDING');
  assert.equal(waiting.status.detail, `Statement is pending: compute pool ${c.poolId} is exhausted (5 of 5 CFUs in use).`);
  const rendered = await c.request('GET', `${c.statementsPath}/ins-6`);
  assert.deepEqual((rendered.body['status'] as Record<string, unknown>)['scaling_status'], { scaling_state: 'POOL_EXHAUSTED', last_updated: new Date(T0).toISOString() });
  const pool = await c.request('GET', `/fcpm/v2/compute-pools/${c.poolId}?environment=${c.envId}`);
  assert.equal((pool.body['status'] as Record<string, unknown>)['current_cfu'], 5);

  // Two minutes pass with 5 statements running: 2 CFU-minutes each.
  clock.advance(120_000);
  assert.equal((await c.setStopped('ins-1', true)).status, 200);
  await c.until('ins-1', (s) => s.status.phase === 'STOPPED');
  const started = await c.until('ins-6', (s) => s.status.phase === 'RUNNING');
  assert.equal(started.status.scalingState, 'OK');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 5);

  // Another 30 s: ins-6 is still inside its first (minimum) CFU-minute.
  clock.advance(30_000);
  const usage = c.cloud.operations.usage().find((p) => p.id === c.poolId);
  assert.ok(usage !== undefined);
  const byName = new Map(usage.statements.map((s) => [s.name, s.cfuMinutes]));
  assert.equal(byName.get('ins-1'), 2);
  assert.equal(byName.get('ins-2'), 2.5);
  assert.equal(byName.get('ins-6'), 1);
  assert.equal(usage.cfuMinutes, 2 + 4 * 2.5 + 1);
  assert.deepEqual({ current: usage.currentCfu, max: usage.maxCfu }, { current: 5, max: 5 });
});

test('waiting is first in, first out: two waiters start in the order they began to wait', async () => {
  await c.run('ins-7', 'INSERT INTO dst SELECT v FROM src', (s) => s.status.scalingState === 'POOL_EXHAUSTED');
  clock.advance(1);
  await c.run('ins-8', 'INSERT INTO dst SELECT v FROM src', (s) => s.status.scalingState === 'POOL_EXHAUSTED');
  await c.setStopped('ins-2', true);
  assert.equal((await c.until('ins-7', (s) => s.status.phase === 'RUNNING')).status.phase, 'RUNNING');
  assert.equal(c.cloud.statements.get(c.envId, 'ins-8')?.status.phase, 'PENDING');
  // Deleting a running statement frees its CFU too.
  assert.equal((await c.request('DELETE', `${c.statementsPath}/ins-3`)).status, 202);
  assert.equal((await c.until('ins-8', (s) => s.status.phase === 'RUNNING')).status.scalingState, 'OK');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 5);
});

test('raising max_cfu lets a waiting statement start without any statement ending', async () => {
  await c.run('ins-9', 'INSERT INTO dst SELECT v FROM src', (s) => s.status.scalingState === 'POOL_EXHAUSTED');
  // While it waits it is left alone: not planned and rewritten again and again (each HTTP round trip lets the cloud's loop turn).
  let updates = 0;
  const off = c.cloud.statements.subscribe((e) => { if (e.kind === 'updated' && e.name === 'ins-9') updates++; });
  for (let i = 0; i < 3; i++) assert.equal((await c.request('GET', `${c.statementsPath}/ins-9`)).status, 200);
  off();
  assert.equal(updates, 0, 'a waiting statement is not rewritten while nothing changes');
  const patched = await c.request('PATCH', `/fcpm/v2/compute-pools/${c.poolId}`, { spec: { max_cfu: 10, environment: { id: c.envId } } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal((await c.until('ins-9', (s) => s.status.phase === 'RUNNING')).status.scalingState, 'OK');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 6);
});
