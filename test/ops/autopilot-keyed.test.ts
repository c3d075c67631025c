/**
 * Autopilot for keyed statements end to end: a keyed GROUP BY (counts per key into an upsert
 * table) scales up under a growing backlog (each subtask reads its share of the 4 partitions and
 * sends every row to the subtask owning its key's group), back down after, and fails over from
 * its global checkpoints when a subtask's worker thread is killed. The final table holds exactly
 * the totals of all produced records, and every key's updates strictly increase (no update lost
 * or repeated across rescales and the crash). A join scales the same way, each side exchanged by
 * the join key.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AutopilotOptions } from '../../src/cloud/flink/index.js';
import { OpsCloud, waitFor } from './ops-cloud.js';

const FAST: AutopilotOptions = { intervalMs: 50, scaleUpPendingRecords: 1, scaleUpAfterSamples: 2, scaleDownPendingRecords: 0, scaleDownAfterSamples: 3, cooldownMs: 0 };
const KEYS = 37;
const clouds: OpsCloud[] = [];
after(async () => { for (const c of clouds) await c.close().catch(() => undefined); });

async function cloud(autopilot: AutopilotOptions): Promise<OpsCloud> {
  const c = await OpsCloud.start({ maxCfu: 10, autopilot });
  clouds.push(c);
  assert.equal((await c.run('ddl-src', "CREATE TABLE src (k STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  const ddl = await c.run('ddl-totals', "CREATE TABLE totals (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) DISTRIBUTED BY HASH(k) INTO 2 BUCKETS WITH ('key.format' = 'json-registry', 'value.format' = 'json-registry')");
  assert.equal(ddl.status.phase, 'COMPLETED', ddl.status.detail);
  return c;
}

/** Produces batches of keys `k0..k36` round-robin over the 4 partitions; counts per key. */
function producer(c: OpsCloud): { readonly counts: Map<string, number>; total: number; batch(n: number): void } {
  const p = {
    counts: new Map<string, number>(),
    total: 0,
    batch(n: number): void {
      const records = Array.from({ length: n }, (_, i) => {
        const k = `k${(p.total + i) % KEYS}`;
        p.counts.set(k, (p.counts.get(k) ?? 0) + 1);
        return { key: null, value: Buffer.from(k), partition: (p.total + i) % 4 };
      });
      c.cloud.topics.append(c.clusterId, 'src', records);
      p.total += n;
    },
  };
  return p;
}

/** Every update in the totals topic per key, in order (json-registry key and value: 5 header bytes, then JSON). */
function updates(c: OpsCloud): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const part of c.cloud.topics.partitionOffsets(c.clusterId, 'totals')) {
    for (const r of c.cloud.topics.read(c.clusterId, 'totals', part.partition, part.logStartOffset, 10_000_000).records) {
      if (r.value === null) continue;
      const row = { ...JSON.parse(r.key?.subarray(5).toString() ?? '{}') as { k: string }, ...JSON.parse(r.value.subarray(5).toString()) as { n: number } };
      const list = out.get(row.k) ?? [];
      list.push(Number(row.n));
      out.set(row.k, list);
    }
  }
  return out;
}

function totals(c: OpsCloud): Map<string, number> {
  return new Map([...updates(c)].map(([k, ns]) => [k, ns[ns.length - 1] as number]));
}

function sameTotals(c: OpsCloud, expected: ReadonlyMap<string, number>): boolean {
  const t = totals(c);
  return t.size === expected.size && [...expected].every(([k, n]) => t.get(k) === n);
}

function assertExact(c: OpsCloud, expected: ReadonlyMap<string, number>): void {
  assert.deepEqual(new Map([...totals(c)].sort()), new Map([...expected].sort()), 'the final table holds the totals of all produced records');
  for (const [k, ns] of updates(c)) {
    for (let i = 1; i < ns.length; i++) assert.ok((ns[i] as number) > (ns[i - 1] as number), `updates of ${k} strictly increase: ${ns.join(',')}`);
  }
}

function parallelism(c: OpsCloud, name: string): number {
  return c.cloud.executor?.parallelism(c.envId, name)?.parallelism ?? 0;
}

test('a keyed GROUP BY scales up under a growing backlog, down after it drains; the upsert table holds exact totals', async () => {
  const c = await cloud(FAST);
  const p = producer(c);
  p.batch(1000);
  const s = await c.run('counts', 'INSERT INTO totals SELECT k, COUNT(*) AS n FROM src GROUP BY k', (x) => x.status.phase === 'RUNNING');
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  assert.deepEqual(c.cloud.executor?.parallelism(c.envId, 'counts'), { parallelism: 1, maxParallelism: 4, threadIds: [] });
  await waitFor('a scale-up', () => parallelism(c, 'counts') >= 2 && (c.cloud.executor?.parallelism(c.envId, 'counts')?.threadIds.length ?? 0) >= 2, () => p.batch(2000));
  assert.equal(c.cloud.operations.currentCfu(c.poolId), parallelism(c, 'counts'), 'CFUs follow parallelism');
  await waitFor('a scale-down to 1', () => parallelism(c, 'counts') === 1);
  assert.equal(c.cloud.statements.get(c.envId, 'counts')?.status.phase, 'RUNNING');
  await waitFor('the totals of every record', () => sameTotals(c, p.counts)).catch((e: unknown) => { assertExact(c, p.counts); throw e; });
  assertExact(c, p.counts);
});

test('a killed subtask worker fails the keyed job over to its last checkpoints; results stay exact', async () => {
  const c = await cloud({ ...FAST, scaleDownAfterSamples: 1_000_000 });
  const p = producer(c);
  await c.run('counts', 'INSERT INTO totals SELECT k, COUNT(*) AS n FROM src GROUP BY k', (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up with running subtasks', () => (c.cloud.executor?.parallelism(c.envId, 'counts')?.threadIds.length ?? 0) >= 2, () => p.batch(2000));
  const before = parallelism(c, 'counts');
  p.batch(5000);
  assert.equal(c.cloud.executor?.terminateSubtask(c.envId, 'counts', 1), true);
  const restarts = (): number => c.cloud.operations.snapshot().statements.find((x) => x.name === 'counts')?.restarts ?? 0;
  assert.equal(restarts(), 0);
  await waitFor('the job to restart from its checkpoints', () => restarts() === 1 && (c.cloud.executor?.parallelism(c.envId, 'counts')?.threadIds.length ?? 0) === before);
  assert.equal(c.cloud.statements.get(c.envId, 'counts')?.status.phase, 'RUNNING', 'a failover keeps the statement RUNNING');
  p.batch(3000);
  await waitFor('the totals of every record', () => sameTotals(c, p.counts));
  assertExact(c, p.counts);
});

test('two keyed operators in a row (a GROUP BY over a GROUP BY) scale through two exchanges and stay exact', async () => {
  const c = await cloud({ ...FAST, scaleDownAfterSamples: 1_000_000 });
  const p = producer(c);
  p.batch(1000);
  const sql = 'INSERT INTO totals SELECT k, MAX(n) FROM (SELECT k, COUNT(*) AS n FROM src GROUP BY k) GROUP BY k';
  assert.equal((await c.run('nested', sql, (x) => x.status.phase === 'RUNNING')).status.phase, 'RUNNING');
  assert.equal(c.cloud.executor?.parallelism(c.envId, 'nested')?.maxParallelism, 4);
  await waitFor('a scale-up', () => (c.cloud.executor?.parallelism(c.envId, 'nested')?.threadIds.length ?? 0) >= 2, () => p.batch(2000));
  p.batch(3000);
  await waitFor('the totals of every record', () => sameTotals(c, p.counts)).catch((e: unknown) => { assertExact(c, p.counts); throw e; });
});

test('a join scales with both sides exchanged by the join key: every order matched exactly once', async () => {
  const c = await OpsCloud.start({ maxCfu: 10, autopilot: { ...FAST, scaleDownAfterSamples: 1_000_000 } });
  clouds.push(c);
  for (const [name, sql] of [
    ['ddl-orders', "CREATE TABLE orders (id STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('value.format' = 'raw')"],
    ['ddl-payments', "CREATE TABLE payments (id STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('value.format' = 'raw')"],
    ['ddl-matched', "CREATE TABLE matched (pair STRING) DISTRIBUTED INTO 2 BUCKETS WITH ('value.format' = 'raw')"],
  ] as const) assert.equal((await c.run(name, sql)).status.phase, 'COMPLETED');
  let next = 0;
  // An order and its payment arrive on different partitions of their topics, so usually at different subtasks.
  const produce = (n: number): void => {
    const ids = Array.from({ length: n }, (_, i) => next + i);
    next += n;
    c.cloud.topics.append(c.clusterId, 'orders', ids.map((id) => ({ value: Buffer.from(`o${id}`), partition: id % 4 })));
    c.cloud.topics.append(c.clusterId, 'payments', ids.map((id) => ({ value: Buffer.from(`o${id}`), partition: (id + 1) % 4 })));
  };
  produce(500);
  await c.run('join', "INSERT INTO matched SELECT o.id || '=' || p.id FROM orders o JOIN payments p ON o.id = p.id", (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up', () => (c.cloud.executor?.parallelism(c.envId, 'join')?.threadIds.length ?? 0) >= 2, () => produce(1000));
  produce(2000);
  const matched = (): Map<string, number> => {
    const seen = new Map<string, number>();
    for (const part of c.cloud.topics.partitionOffsets(c.clusterId, 'matched')) {
      for (const r of c.cloud.topics.read(c.clusterId, 'matched', part.partition, part.logStartOffset, 10_000_000).records) {
        const [o, p] = (r.value?.toString() ?? '').split('=');
        assert.equal(o, p, 'an order meets its own payment');
        seen.set(o ?? '', (seen.get(o ?? '') ?? 0) + 1);
      }
    }
    return seen;
  };
  await waitFor('every order matched', () => matched().size === next);
  assert.deepEqual([...matched()].filter(([, n]) => n !== 1), [], 'no order matched twice');
  assert.ok(parallelism(c, 'join') >= 2, 'matched while running in parallel');
});

test('a statement set at parallelism 2: the stateless branch writes each record once, the keyed one exact totals', async () => {
  const c = await cloud({ fixedParallelism: 2 });
  assert.equal((await c.run('ddl-copy', "CREATE TABLE copy (k STRING) DISTRIBUTED INTO 2 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  const p = producer(c);
  p.batch(3000);
  const set = 'EXECUTE STATEMENT SET BEGIN INSERT INTO copy SELECT k FROM src; INSERT INTO totals SELECT k, COUNT(*) AS n FROM src GROUP BY k; END;';
  assert.equal((await c.run('both', set, (x) => x.status.phase === 'RUNNING')).status.phase, 'RUNNING');
  await waitFor('two subtasks', () => (c.cloud.executor?.parallelism(c.envId, 'both')?.threadIds.length ?? 0) === 2);
  p.batch(5000);
  // Stops while reading: the savepoint's positions and output must agree, or the resume writes some twice.
  for (let round = 0; round < 3; round++) {
    await c.setStopped('both', true);
    await c.until('both', (x) => x.status.phase === 'STOPPED');
    p.batch(2000);
    await c.setStopped('both', false);
    await waitFor('two subtasks again', () => (c.cloud.executor?.parallelism(c.envId, 'both')?.threadIds.length ?? 0) === 2);
    p.batch(3000);
  }
  await waitFor('the totals of every record', () => sameTotals(c, p.counts)).catch((e: unknown) => { assertExact(c, p.counts); throw e; });
  assertExact(c, p.counts);
  const copied = (): number => c.cloud.topics.partitionOffsets(c.clusterId, 'copy').reduce((n, x) => n + x.highWatermark - x.logStartOffset, 0);
  await waitFor('every record copied', () => copied() >= p.total);
  assert.equal(copied(), p.total, 'the stateless branch wrote each record once (a subtask reading ahead must not write what its checkpoint will read again)');
});

test('a bounded keyed statement at parallelism 2 completes with exact totals, committed by its subtasks together', async () => {
  const c = await cloud({ fixedParallelism: 2 });
  const p = producer(c);
  p.batch(4000);
  const sql = "INSERT INTO totals SELECT k, COUNT(*) AS n FROM src /*+ OPTIONS('scan.bounded.mode' = 'latest-offset') */ GROUP BY k";
  const done = await c.run('bounded', sql, (x) => x.status.phase === 'COMPLETED' || x.status.phase === 'FAILED');
  assert.equal(done.status.phase, 'COMPLETED', done.status.detail);
  assertExact(c, p.counts);
  const lines = c.cloud.database.prepare('SELECT DISTINCT statement FROM flink_checkpoints WHERE statement LIKE ? ORDER BY statement').all(`${done.uid}#%`) as { statement: string }[];
  assert.deepEqual(lines.map((l) => l.statement), [`${done.uid}#0/2`, `${done.uid}#1/2`], 'it ran as two subtasks');
});

test('keyed pipelines Autopilot cannot split stay at parallelism 1 with the reason', async () => {
  const c = await cloud(FAST);
  const cases = [
    ['global', 'INSERT INTO totals SELECT \'all\', COUNT(*) FROM src', 'Global (non-keyed) aggregations run at parallelism 1.'],
    ['cross', 'INSERT INTO totals SELECT a.k, 1 FROM src a, src b WHERE a.k < b.k', 'Joins without an equality condition run at parallelism 1.'],
    ['rollup', 'INSERT INTO totals SELECT COALESCE(k, \'-\'), COUNT(*) FROM src GROUP BY ROLLUP (k)', 'GROUPING SETS, ROLLUP and CUBE run at parallelism 1.'],
  ] as const;
  for (const [name, sql, reason] of cases) {
    const s = await c.run(name, sql, (x) => x.status.phase !== 'PENDING');
    assert.equal(s.status.phase, 'RUNNING', `${name}: ${s.status.detail}`);
    assert.equal(c.cloud.executor?.parallelism(c.envId, name)?.limitReason, reason, name);
  }
  const dedup = await c.run('dedup', 'INSERT INTO totals SELECT k, 1 FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY k ORDER BY $rowtime) AS rn FROM src) WHERE rn = 1', (x) => x.status.phase !== 'PENDING');
  assert.equal(dedup.status.phase, 'RUNNING', dedup.status.detail);
  assert.deepEqual(c.cloud.executor?.parallelism(c.envId, 'dedup'), { parallelism: 1, maxParallelism: 4, threadIds: [] }, 'a deduplication by key may scale');
});

test('a keyed GROUP BY checkpointed at parallelism ≥ 2 restarts at 1 after a cloud restart and continues exactly', async () => {
  let c = await cloud({ ...FAST, scaleDownAfterSamples: 1_000_000 });
  const p = producer(c);
  await c.run('counts', 'INSERT INTO totals SELECT k, COUNT(*) AS n FROM src GROUP BY k', (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up with running subtasks', () => (c.cloud.executor?.parallelism(c.envId, 'counts')?.threadIds.length ?? 0) >= 2, () => p.batch(2000));
  c = await c.restart({ autopilot: { enabled: false } });
  clouds.push(c);
  const q = producer(c);
  for (const [k, n] of p.counts) q.counts.set(k, n);
  q.total = p.total;
  q.batch(3000);
  await waitFor('the statement to run again at 1', () => parallelism(c, 'counts') === 1);
  await waitFor('the totals of every record', () => sameTotals(c, q.counts)).catch((e: unknown) => { assertExact(c, q.counts); throw e; });
  assertExact(c, q.counts);
});

