/**
 * Autopilot end to end: a stateless INSERT over a 4-partition topic scales up under a backlog that
 * keeps growing (its subtasks on worker threads), back down once the backlog is gone, restarts at
 * another parallelism after a cloud restart, and stays put (POOL_EXHAUSTED) when the compute pool
 * has no room; the sink holds every produced record exactly once throughout.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { threadId } from 'node:worker_threads';
import { Command } from 'commander';
import type { AutopilotOptions } from '../../src/cloud/flink/index.js';
import { registerOpsCommands } from '../../src/cli/ops/index.js';
import { registerStatementCommands } from '../../src/cli/sql/index.js';
import type { Io } from '../../src/cli/terminal.js';
import { OpsCloud, waitFor } from './ops-cloud.js';

/** Fast thresholds: two large samples scale up, three empty ones scale down, no cool-down. */
const FAST: AutopilotOptions = { intervalMs: 50, scaleUpPendingRecords: 1, scaleUpAfterSamples: 2, scaleDownPendingRecords: 0, scaleDownAfterSamples: 3, cooldownMs: 0 };
const clouds: OpsCloud[] = [];
after(async () => { for (const c of clouds) await c.close().catch(() => undefined); });

async function cloud(opts: { maxCfu?: number; autopilot?: AutopilotOptions } = {}): Promise<OpsCloud> {
  const c = await OpsCloud.start({ maxCfu: opts.maxCfu ?? 10, autopilot: opts.autopilot ?? FAST });
  clouds.push(c);
  assert.equal((await c.run('ddl-src', "CREATE TABLE src (v STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  assert.equal((await c.run('ddl-dst', "CREATE TABLE dst (v STRING) DISTRIBUTED INTO 2 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  return c;
}

/** Produces batches of unique values round-robin over the source partitions. */
function producer(c: OpsCloud): { readonly produced: string[]; batch(n: number): void } {
  const produced: string[] = [];
  return {
    produced,
    batch(n: number): void {
      const values = Array.from({ length: n }, (_, i) => `r${produced.length + i}`);
      c.cloud.topics.append(c.clusterId, 'src', values.map((v, i) => ({ key: null, value: Buffer.from(v), partition: (produced.length + i) % 4 })));
      produced.push(...values);
    },
  };
}

function sinkValues(c: OpsCloud): string[] {
  const out: string[] = [];
  for (const p of c.cloud.topics.partitionOffsets(c.clusterId, 'dst')) {
    for (const r of c.cloud.topics.read(c.clusterId, 'dst', p.partition, p.logStartOffset, 10_000_000).records) out.push(r.value?.toString() ?? '');
  }
  return out.sort();
}

/** Runs a CLI command against the cloud; returns its output. */
async function cli(c: OpsCloud, args: readonly string[]): Promise<string> {
  let out = '';
  const io: Io = { out: (t) => { out += t; }, err: (t) => { out += t; }, isTTY: false, stdinTTY: false, prompt: () => Promise.reject(new Error('no terminal')) };
  const program = new Command().exitOverride();
  registerStatementCommands(program, io, process.cwd(), () => undefined);
  registerOpsCommands(program, io, process.cwd(), () => undefined);
  await program.parseAsync(['node', 'streamform', ...args, '--url', c.cloud.url]);
  return out;
}

/** Stops or resumes through PUT, again when a concurrent scaling-state update moved the resource version (409). */
async function setStopped(c: OpsCloud, name: string, stopped: boolean): Promise<number> {
  for (;;) {
    const r = await c.setStopped(name, stopped);
    if (r.status !== 409) return r.status;
  }
}

function parallelism(c: OpsCloud, name: string): number {
  return c.cloud.executor?.parallelism(c.envId, name)?.parallelism ?? 0;
}

async function drained(c: OpsCloud, produced: readonly string[]): Promise<void> {
  await waitFor('the sink to hold every record', () => sinkValues(c).length >= produced.length);
  assert.deepEqual(sinkValues(c), [...produced].sort(), 'every record exactly once');
}

test('parallelism rises under a growing backlog (worker threads), falls after it drains, no loss or duplicate', async () => {
  const c = await cloud();
  const p = producer(c);
  p.batch(1000);
  const s = await c.run('copy', "INSERT INTO dst SELECT UPPER(v) || '' FROM src WHERE v <> ''", (x) => x.status.phase === 'RUNNING');
  assert.equal(s.status.scalingState, 'OK');
  const before = c.cloud.executor?.parallelism(c.envId, 'copy');
  assert.deepEqual(before, { parallelism: 1, maxParallelism: 4, threadIds: [] });

  await waitFor('a scale-up to 4', () => parallelism(c, 'copy') === 4, () => p.batch(2000));
  await waitFor('4 busy subtasks on worker threads', () => {
    const x = c.cloud.executor?.parallelism(c.envId, 'copy');
    return x?.threadIds.length === 4 && (x.utilization ?? 0) > 0;
  }, () => p.batch(2000));
  const info = c.cloud.executor?.parallelism(c.envId, 'copy');
  assert.equal(new Set(info?.threadIds).size, 4, 'one worker thread per subtask');
  assert.ok(info?.threadIds.every((id) => id !== threadId), 'subtasks are off the main thread');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 4, 'CFUs follow parallelism');
  const m = c.cloud.operations.snapshot().statements.find((x) => x.name === 'copy');
  assert.deepEqual({ p: m?.parallelism, max: m?.maxParallelism, threads: m?.subtaskThreads }, { p: 4, max: 4, threads: 4 });
  const prom = await (await fetch(`${c.cloud.url}/metrics`)).text();
  assert.match(prom, /^confluent_flink_statement_parallelism\{[^}]*statement="copy"\} [124]$/m);
  assert.match(prom, /^confluent_flink_statement_max_parallelism\{[^}]*statement="copy"\} 4$/m);

  // The backlog stops growing and drains: back to 1 subtask (4 → 2 → 1), on the main thread.
  await waitFor('a scale-down to 1', () => parallelism(c, 'copy') === 1);
  assert.deepEqual(c.cloud.executor?.parallelism(c.envId, 'copy')?.threadIds, []);
  assert.equal(c.cloud.statements.get(c.envId, 'copy')?.status.scalingState, 'OK');
  assert.equal(c.cloud.statements.get(c.envId, 'copy')?.status.phase, 'RUNNING');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 1);
  const expected = p.produced.map((v) => v.toUpperCase());
  await waitFor('the sink to hold every record', () => sinkValues(c).length >= expected.length);
  assert.deepEqual(sinkValues(c), expected.sort(), 'every record exactly once across 4 rescales');
});

test('a statement checkpointed at parallelism 2 restarts at 1 after a cloud restart and continues exactly', async () => {
  let c = await cloud({ autopilot: { ...FAST, scaleDownAfterSamples: 1_000_000 } });
  const p = producer(c);
  await c.run('copy', 'INSERT INTO dst SELECT v FROM src', (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up', () => parallelism(c, 'copy') >= 2, () => p.batch(2000));
  c = await c.restart({ autopilot: { enabled: false } });
  clouds.push(c);
  const q = producer(c);
  q.produced.push(...p.produced);
  q.batch(3000);
  await waitFor('the statement to run again', () => parallelism(c, 'copy') === 1);
  assert.equal(c.cloud.executor?.parallelism(c.envId, 'copy')?.limitReason, 'Autopilot is off.');
  await drained(c, q.produced);
  assert.equal(await setStopped(c, 'copy', true), 200);
  const stopped = await c.until('copy', (x) => x.status.phase === 'STOPPED');
  assert.equal(stopped.status.latestOffsets?.['src']?.split(';').length, 4, 'offsets of all 4 partitions merged from the subtasks');
});

test('a user stop at parallelism 2 exports every partition\'s offset; resume continues at 2 exactly where it stopped', async () => {
  const c = await cloud({ autopilot: { ...FAST, scaleDownAfterSamples: 1_000_000 } });
  const p = producer(c);
  await c.run('copy', 'INSERT INTO dst SELECT v FROM src', (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up with running subtasks', () => (c.cloud.executor?.parallelism(c.envId, 'copy')?.threadIds.length ?? 0) >= 2, () => p.batch(2000));
  const before = parallelism(c, 'copy');
  // Through the CLI, which reads the statement again when Autopilot's state change moved its version.
  assert.match(await cli(c, ['statement', 'stop', 'copy']), /Requested to stop Flink SQL statement "copy"/);
  await waitFor('STOPPED', () => c.cloud.statements.get(c.envId, 'copy')?.status.phase === 'STOPPED');
  const offsets = c.cloud.statements.get(c.envId, 'copy')?.status.latestOffsets?.['src'] ?? '';
  const total = offsets.split(';').reduce((n, part) => n + Number(/offset:(\d+)/.exec(part)?.[1] ?? NaN), 0);
  assert.equal(offsets.split(';').length, 4);
  assert.equal(total, sinkValues(c).length, 'the exported offsets are exactly what reached the sink');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 0);
  p.batch(3000);
  assert.match(await cli(c, ['statement', 'resume', 'copy']), /Requested to resume/);
  await waitFor('RUNNING again', () => c.cloud.statements.get(c.envId, 'copy')?.status.phase === 'RUNNING' && parallelism(c, 'copy') > 0);
  assert.equal(parallelism(c, 'copy'), before, 'resumed at the parallelism it stopped at');
  await drained(c, p.produced);
});

test('a scale-up the pool cannot hold leaves the statement at its parallelism with POOL_EXHAUSTED, until room frees (waiting statements first)', async () => {
  const c = await cloud({ maxCfu: 5 });
  // Four statements on a topic without backlog fill 4 of the 5 CFUs.
  assert.equal((await c.run('ddl-quiet', "CREATE TABLE quiet (v STRING) DISTRIBUTED INTO 4 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  for (let i = 1; i <= 4; i++) await c.run(`other-${i}`, 'INSERT INTO dst SELECT v FROM quiet', (x) => x.status.phase === 'RUNNING');
  const p = producer(c);
  await c.run('copy', 'INSERT INTO dst SELECT v FROM src', (x) => x.status.phase === 'RUNNING');
  await waitFor('POOL_EXHAUSTED', () => c.cloud.statements.get(c.envId, 'copy')?.status.scalingState === 'POOL_EXHAUSTED', () => p.batch(2000));
  assert.equal(parallelism(c, 'copy'), 1);
  assert.equal(c.cloud.statements.get(c.envId, 'copy')?.status.phase, 'RUNNING');
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 5);
  // Over the API too (the state goes back to OK once the backlog is gone, so keep one).
  const deadline = Date.now() + 30_000;
  let shown: unknown;
  while (shown !== 'POOL_EXHAUSTED' && Date.now() < deadline) {
    p.batch(2000);
    const rendered = await c.request('GET', `${c.statementsPath}/copy`);
    shown = ((rendered.body['status'] as Record<string, unknown>)['scaling_status'] as Record<string, unknown>)['scaling_state'];
  }
  assert.equal(shown, 'POOL_EXHAUSTED');
  // A statement waiting for the pool comes before a scale-up: it gets the first freed CFU.
  await c.run('waiter', 'INSERT INTO dst SELECT v FROM quiet', (x) => x.status.scalingState === 'POOL_EXHAUSTED');
  await setStopped(c, 'other-1', true);
  await waitFor('the waiter to start', () => c.cloud.statements.get(c.envId, 'waiter')?.status.phase === 'RUNNING', () => p.batch(2000));
  assert.equal(parallelism(c, 'copy'), 1);
  await setStopped(c, 'other-2', true);
  await waitFor('a scale-up into the freed CFU', () => parallelism(c, 'copy') === 2, () => p.batch(2000));
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 5);
  await drained(c, p.produced);
});

test('SELECT and global aggregates stay at parallelism 1 with the reason', async () => {
  const c = await cloud();
  await c.run('ddl-cnt', "CREATE TABLE cnt (n BIGINT) WITH ('changelog.mode' = 'retract', 'value.format' = 'json-registry')", (x) => x.status.phase !== 'PENDING');
  const p = producer(c);
  await c.run('sel', 'SELECT v FROM src', (x) => x.status.phase === 'RUNNING');
  const agg = await c.run('agg', 'INSERT INTO cnt SELECT COUNT(*) FROM src', (x) => x.status.phase !== 'PENDING');
  assert.equal(agg.status.phase, 'RUNNING', agg.status.detail);
  p.batch(5000);
  assert.deepEqual(c.cloud.executor?.parallelism(c.envId, 'sel'), { parallelism: 1, maxParallelism: 1, threadIds: [], limitReason: 'Foreground queries (SELECT) run at parallelism 1.' });
  assert.deepEqual(c.cloud.executor?.parallelism(c.envId, 'agg'), { parallelism: 1, maxParallelism: 1, threadIds: [], limitReason: 'Global (non-keyed) aggregations run at parallelism 1.' });
  const described = JSON.parse(await cli(c, ['statement', 'describe', 'agg', '--json'])) as Record<string, unknown>;
  assert.deepEqual([described['scaling_state'], described['parallelism'], described['max_parallelism'], described['parallelism_limit_reason']],
    ['OK', 1, 1, 'Global (non-keyed) aggregations run at parallelism 1.']);
  assert.match(await cli(c, ['top', '--once']), /^agg +RUNNING +1 .* 1\/1$/m);
});

test('a subtask that fails on bad data fails the statement with the error; the job holds no CFUs after', async () => {
  const c = await cloud();
  let n = 0;
  const produce = (): void => {
    c.cloud.topics.append(c.clusterId, 'src', Array.from({ length: 2000 }, (_, i) => ({ key: null, value: Buffer.from(String(n++)), partition: i % 4 })));
  };
  await c.run('ints', 'INSERT INTO dst SELECT CAST(CAST(v AS INT) + 1 AS STRING) FROM src', (x) => x.status.phase === 'RUNNING');
  await waitFor('a scale-up with running subtasks', () => (c.cloud.executor?.parallelism(c.envId, 'ints')?.threadIds.length ?? 0) >= 2, produce);
  c.cloud.topics.append(c.clusterId, 'src', [{ key: null, value: Buffer.from('oops'), partition: 1 }]);
  await waitFor('FAILED', () => c.cloud.statements.get(c.envId, 'ints')?.status.phase === 'FAILED');
  const s = c.cloud.statements.get(c.envId, 'ints');
  assert.match(s?.status.detail ?? '', /oops/);
  assert.equal(c.cloud.operations.currentCfu(c.poolId), 0);
  assert.equal(c.cloud.executor?.parallelism(c.envId, 'ints'), undefined);
});
