import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../../shared/index.js';
import { TopicLogStore } from '../../kafka/index.js';
import {
  BlackholeSink, CheckpointStore, LimitOperator, orderJob, OperatorHarness, ResultsSink, TaskRunner, UnionOperator, ValuesSource,
  CalcOperator, jsonDeserializer, jsonSerializer, TopicSink, TopicSource, type Batch, type Operator, type OperatorContext, type ResultChange, type RunnerPhase,
  INSERT, type BatchBuilder, type PollStatus, type Source,
} from './index.js';
import { CLUSTER, recoveryJob, seedInput } from './recovery-pipeline.fixture.js';

function setup(t: TestContext, n: number): TopicLogStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-runner-'));
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'));
  seedInput(logs, n);
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return logs;
}

function output(logs: TopicLogStore, topic = 'out'): string[] {
  return logs.partitionOffsets(CLUSTER, topic).flatMap((p) => logs.read(CLUSTER, topic, p.partition, 0, 1_000_000).records.map((r) => r.value?.toString() ?? 'null')).sort();
}

function expected(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i += 2) out.push(`{"id":${i},"sq":${i * i}}`);
  return out.sort();
}

test('a bounded pipeline runs to COMPLETED and its final checkpoint commits all output', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 1000);
  const phases: RunnerPhase[] = [];
  const runner = new TaskRunner(recoveryJob(logs, { bounded: { kind: 'latest-offset' } }), { statement: 's1', db: logs.database, maxBatchRecords: 64, onPhase: (p) => phases.push(p) });
  assert.equal(await runner.run(), 'COMPLETED');
  assert.deepEqual(phases, ['RUNNING', 'COMPLETED']);
  assert.equal(runner.detail, 'SQL statement is completed');
  assert.deepEqual(output(logs), expected(1000));
});

test('exactly once: a runner dropped mid-way without its final checkpoint, restored in a fresh runner, writes every result once', { timeout: 20_000 }, async (t) => {
  const n = 2000;
  const logs = setup(t, n);
  logs.createTopic(CLUSTER, 'straight', { partitionsCount: 2 });
  const bounded = { kind: 'latest-offset' } as const;
  const straight = new TaskRunner(recoveryJob(logs, { bounded, out: 'straight' }), { statement: 'straight', db: logs.database });
  assert.equal(await straight.run(), 'COMPLETED');

  const crashed = new TaskRunner(recoveryJob(logs, { bounded }), { statement: 's2', db: logs.database, maxBatchRecords: 30, checkpoints: { everyRecords: 100 } });
  while (crashed.recordsRead < 1100) crashed.step();
  const committed = output(logs);
  assert.ok(crashed.checkpointId > 0 && committed.length < n / 2, 'crashed mid-way with some checkpoints committed');
  assert.ok(crashed.recordsRead > committed.length * 2, 'some processed output was not committed when the runner died');

  const resumed = new TaskRunner(recoveryJob(logs, { bounded }), { statement: 's2', db: logs.database, maxBatchRecords: 30, checkpoints: { everyRecords: 100 } });
  assert.equal(resumed.restore(), crashed.checkpointId);
  assert.equal(await resumed.run(), 'COMPLETED');
  assert.deepEqual(output(logs), expected(n));
  assert.deepEqual(output(logs), output(logs, 'straight'), 'recovered run equals the uninterrupted one');
});

test('stop takes a savepoint that commits pending output; resume continues exactly where it stopped', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 600);
  const a = new TaskRunner(recoveryJob(logs), { statement: 's3', db: logs.database, maxBatchRecords: 100 });
  a.step();
  a.step();
  a.stop();
  assert.equal(a.phase, 'STOPPED');
  const stoppedAt = output(logs).length;
  assert.equal(stoppedAt, a.recordsRead / 2, 'everything processed before the stop is committed');
  const cp = new CheckpointStore(logs.database).latest('s3');
  assert.equal(cp?.kind, 'savepoint');
  const b = new TaskRunner(recoveryJob(logs), { statement: 's3', db: logs.database, maxBatchRecords: 100 });
  b.restore();
  while (b.step() === 'data') { /* drain */ }
  b.stop();
  assert.deepEqual(output(logs), expected(600));
});

test('a deserialization failure fails the statement with the record position and commits nothing after the last checkpoint', (t) => {
  const logs = setup(t, 10);
  logs.append(CLUSTER, 'in', [{ partition: 2, value: Buffer.from('garbage') }]);
  const phases: string[] = [];
  const runner = new TaskRunner(recoveryJob(logs), { statement: 's4', db: logs.database, onPhase: (p, d) => phases.push(`${p}: ${d}`) });
  assert.equal(runner.step(), 'done');
  assert.equal(runner.phase, 'FAILED');
  const offset = logs.partitionOffset(CLUSTER, 'in', 2).highWatermark - 1;
  assert.match(runner.detail, new RegExp(`topic 'in' at partition 2, offset ${offset}`));
  assert.deepEqual(phases.map((p) => p.split(':')[0]), ['RUNNING', 'FAILING', 'FAILED']);
  assert.equal(runner.failure?.class, 'user');
  assert.deepEqual(output(logs), []);
});

test('LIMIT over an unbounded topic completes the statement once enough rows arrived', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 50);
  const pages: ResultChange[] = [];
  const graph = {
    nodes: [
      { kind: 'source' as const, id: 'src', source: new TopicSource({ logs, cluster: CLUSTER, topic: 'in', mode: 'append', deserializer: jsonDeserializer([{ name: 'id', from: 'value' }]) }) },
      { kind: 'operator' as const, id: 'limit', operator: new LimitOperator({ limit: 5 }) },
      { kind: 'sink' as const, id: 'results', sink: new ResultsSink({ format: (r) => r.map(String), deliver: (c) => { pages.push(...c); } }) },
    ],
    edges: [{ from: 'src', to: 'limit' }, { from: 'limit', to: 'results' }],
  };
  const runner = new TaskRunner(graph, { statement: 's5', db: logs.database, maxBatchRecords: 2 });
  assert.equal(await runner.run(), 'COMPLETED');
  assert.equal(pages.length, 5);
  assert.ok(pages.every((c) => c.op === 0));
  assert.ok(runner.recordsRead < 50, 'the source stopped reading once the limit was reached');
});

test('two statements share one process through cooperative slices', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 3000);
  logs.createTopic(CLUSTER, 'out2', { partitionsCount: 2 });
  const bounded = { kind: 'latest-offset' } as const;
  const a = new TaskRunner(recoveryJob(logs, { bounded }), { statement: 'a', db: logs.database, maxBatchRecords: 100 });
  const b = new TaskRunner(recoveryJob(logs, { bounded, out: 'out2' }), { statement: 'b', db: logs.database, maxBatchRecords: 100 });
  const order: string[] = [];
  const pa = a.run().then((p) => { order.push('a'); return p; });
  const pb = b.run().then((p) => { order.push('b'); return p; });
  await Promise.resolve();
  assert.deepEqual(order, [], 'neither ran to the end in one go');
  assert.deepEqual(await Promise.all([pa, pb]), ['COMPLETED', 'COMPLETED']);
  assert.deepEqual(output(logs), output(logs, 'out2'));
});

test('union of two VALUES sources feeds a results sink and completes', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 0);
  const changes: ResultChange[] = [];
  const graph = {
    nodes: [
      { kind: 'source' as const, id: 'v1', source: new ValuesSource([[1], [2]]) },
      { kind: 'source' as const, id: 'v2', source: new ValuesSource([[3]]) },
      { kind: 'operator' as const, id: 'union', operator: new UnionOperator() },
      { kind: 'sink' as const, id: 'out', sink: new ResultsSink({ format: (r) => r.map(String), deliver: (c) => { changes.push(...c); } }) },
    ],
    edges: [{ from: 'v1', to: 'union', input: 0 }, { from: 'v2', to: 'union', input: 1 }, { from: 'union', to: 'out' }],
  };
  assert.equal(await new TaskRunner(graph, { statement: 'u', db: logs.database }).run(), 'COMPLETED');
  assert.deepEqual(changes.map((c) => c.row[0]).sort(), ['1', '2', '3']);
});

/** Emits [key, time] when an event-time timer at rowtime + 10 fires. */
class DelayOperator implements Operator<null> {
  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    for (let i = 0; i < batch.size; i++) ctx.registerTimer((batch.rowtimes[i] as number) + 10, String(batch.rows[i]?.[0]));
  }
  onTimer(time: number, key: string, ctx: OperatorContext): void { ctx.emit([key, time], 0, time); }
  snapshot(): null { return null; }
  restore(): void { /* timers live in the node */ }
  close(): void { /* nothing held */ }
}

test('event-time timers fire in time order before the watermark is forwarded, and survive restore', () => {
  const h = new OperatorHarness(new DelayOperator());
  h.changes("+I['b'] @1000\n+I['a'] @1000\n+I['c'] @2000");
  h.watermark(1010);
  assert.deepEqual(h.take(), ["+I['a', 1010]", "+I['b', 1010]", 'WM 1010']);
  const restored = new OperatorHarness(new DelayOperator()).restore(h.snapshot());
  restored.end();
  assert.deepEqual(restored.take(), ["+I['c', 2010]", 'WM Infinity', 'END']);
});

test('checkpoints are taken by record count or by elapsed time on the injected clock', (t) => {
  const logs = setup(t, 300);
  const clock = fixedClock(1_000);
  const byTime = new TaskRunner(recoveryJob(logs), { statement: 'timed', db: logs.database, maxBatchRecords: 10, clock, checkpoints: { everyMs: 60_000 } });
  byTime.step();
  byTime.step();
  assert.equal(byTime.checkpointId, 0);
  clock.advance(60_000);
  byTime.step();
  assert.equal(byTime.checkpointId, 1);
  const byCount = new TaskRunner(recoveryJob(logs, { out: 'out' }), { statement: 'counted', db: logs.database, maxBatchRecords: 10, checkpoints: { everyRecords: 25 } });
  for (let i = 0; i < 6; i++) byCount.step();
  assert.equal(byCount.checkpointId, 2);
});

test('stop reports latest offsets per topic and resolves a pending run() with STOPPED', async (t) => {
  const logs = setup(t, 30);
  const runner = new TaskRunner(recoveryJob(logs), { statement: 'offsets', db: logs.database, idlePollMs: 1 });
  const done = runner.run();
  runner.stop();
  assert.equal(await done, 'STOPPED');
  const offsets = runner.latestOffsets();
  assert.deepEqual(Object.keys(offsets), ['in']);
  const m = /^partition:0,offset:(\d+);partition:1,offset:(\d+);partition:2,offset:(\d+)$/.exec(offsets.in ?? '');
  assert.ok(m !== null);
  assert.equal(Number(m[1]) + Number(m[2]) + Number(m[3]), runner.recordsRead);
});

/** Holds rows until a barrier or the end of input (a mini-batch operator). */
class BufferingOperator implements Operator<unknown[][]> {
  #rows: unknown[][] = [];
  onBatch(batch: Batch): void { for (let i = 0; i < batch.size; i++) this.#rows.push(batch.rows[i] as unknown[]); }
  onBarrier(_id: number, ctx: OperatorContext): void { this.#flush(ctx); }
  onEndOfInput(ctx: OperatorContext): void { this.#flush(ctx); }
  #flush(ctx: OperatorContext): void { for (const r of this.#rows) ctx.emit(r, 0, Number.NaN); this.#rows = []; }
  snapshot(): unknown[][] { return this.#rows; }
  restore(s: unknown[][]): void { this.#rows = [...s]; }
  close(): void { /* nothing held */ }
}

test('what an operator flushes on the barrier is committed by that same checkpoint', (t) => {
  const logs = setup(t, 0);
  const sink = new BlackholeSink();
  const graph = {
    nodes: [
      { kind: 'source' as const, id: 'v', source: new ValuesSource([[1], [2], [3]]) },
      { kind: 'operator' as const, id: 'buf', operator: new BufferingOperator() },
      { kind: 'sink' as const, id: 'out', sink },
    ],
    edges: [{ from: 'v', to: 'buf' }, { from: 'buf', to: 'out' }],
  };
  const runner = new TaskRunner(graph, { statement: 'mini', db: logs.database, maxBatchRecords: 2 });
  runner.step();
  assert.equal(sink.written, 0);
  runner.checkpoint();
  assert.deepEqual([sink.written, sink.committed], [2, 2]);
});

test('a malformed job graph is a planner bug', () => {
  const op = { kind: 'operator' as const, id: 'u', operator: new UnionOperator() };
  const src = { kind: 'source' as const, id: 's', source: new ValuesSource([]) };
  assert.throws(() => orderJob({ nodes: [src, op], edges: [{ from: 's', to: 'u', input: 1 }] }), /inputs must be numbered/);
  assert.throws(() => orderJob({ nodes: [src, op, { ...op, id: 'w' }], edges: [{ from: 's', to: 'u' }, { from: 'u', to: 'w' }, { from: 'w', to: 'u', input: 1 }] }), /acyclic/);
  assert.throws(() => orderJob({ nodes: [src, src], edges: [] }), /used twice/);
});

test('a deleted input topic fails the run as recoverable, so the statements layer restarts it', (t) => {
  const logs = setup(t, 10);
  const runner = new TaskRunner(recoveryJob(logs), { statement: 'gone', db: logs.database });
  runner.step();
  logs.deleteTopic(CLUSTER, 'in');
  runner.step();
  assert.equal(runner.phase, 'FAILED');
  assert.equal(runner.failure?.class, 'user-recoverable');
});

test('a retract topic through a filter into a retract topic keeps op headers and rewrites split update pairs', async (t) => {
  const logs = setup(t, 0);
  logs.createTopic(CLUSTER, 'r-in', { partitionsCount: 1 });
  logs.createTopic(CLUSTER, 'r-out', { partitionsCount: 1 });
  const op = (b: number) => [{ key: 'op', value: Buffer.from([b]) }];
  const v = (id: number, n: number) => Buffer.from(JSON.stringify({ id, n }));
  logs.append(CLUSTER, 'r-in', [
    { value: v(1, 50) }, { value: v(1, 50), headers: op(1) }, { value: v(1, 5), headers: op(2) }, { value: v(2, 70) }, { value: v(2, 70), headers: op(3) },
  ]);
  const cols = jsonDeserializer([{ name: 'id', from: 'value' }, { name: 'n', from: 'value' }]);
  const graph = {
    nodes: [
      { kind: 'source' as const, id: 'src', source: new TopicSource({ logs, cluster: CLUSTER, topic: 'r-in', mode: 'retract', deserializer: cols, bounded: { kind: 'latest-offset' } }) },
      { kind: 'operator' as const, id: 'calc', operator: new CalcOperator({ filter: (r) => (r[1] as number) > 10 }) },
      { kind: 'sink' as const, id: 'sink', sink: new TopicSink({ logs, cluster: CLUSTER, topic: 'r-out', mode: 'retract', serializer: jsonSerializer({ value: [['id', 0], ['n', 1]] }) }) },
    ],
    edges: [{ from: 'src', to: 'calc' }, { from: 'calc', to: 'sink' }],
  };
  assert.equal(await new TaskRunner(graph, { statement: 'retract', db: logs.database }).run(), 'COMPLETED');
  const out = logs.read(CLUSTER, 'r-out', 0, 0, 100).records.map((r) => `${r.headers.find((h) => h.key === 'op')?.value?.[0] ?? '-'} ${r.value?.toString() ?? ''}`);
  assert.deepEqual(out, ['- {"id":1,"n":50}', '3 {"id":1,"n":50}', '- {"id":2,"n":70}', '3 {"id":2,"n":70}']);
});

/** An endless source whose every poll fills its batch; counts its polls. */
class EndlessSource implements Source {
  polls = 0;
  readonly watermark = Number.NEGATIVE_INFINITY;
  readonly idle = false;
  poll(out: BatchBuilder, max: number): PollStatus {
    this.polls++;
    for (let i = 0; i < max; i++) out.push([i], INSERT, Number.NaN);
    return 'data';
  }
  snapshot(): unknown { return this.polls; }
  restore(): void { /* starts over */ }
  close(): void { /* nothing held */ }
}

test('run() batches slices into time-boxed turns and still yields to the event loop between them', { timeout: 20_000 }, async (t) => {
  const logs = setup(t, 0);
  const source = new EndlessSource();
  const runner = new TaskRunner({
    nodes: [{ kind: 'source', id: 'src', source }, { kind: 'sink', id: 'sink', sink: new BlackholeSink() }],
    edges: [{ from: 'src', to: 'sink' }],
  }, { statement: 'endless', db: logs.database, maxBatchRecords: 16, sliceMs: 10 });
  const done = runner.run();
  // A macrotask loop beside the job: how many slices ran between two of its turns. That the loop
  // gets its 50 turns at all while an endless source runs is the proof that the runner yields (a
  // runner that never yields times this test out); how long a turn takes is the benchmarks' business.
  const pollsPerTurn: number[] = [];
  let seen = source.polls;
  while (pollsPerTurn.length < 50) {
    await new Promise<void>((resolve) => { setImmediate(resolve); });
    pollsPerTurn.push(source.polls - seen);
    seen = source.polls;
  }
  runner.stop();
  assert.equal(await done, 'STOPPED');
  assert.ok(Math.max(...pollsPerTurn) > 10, `several slices per turn, not one per macrotask: ${pollsPerTurn.join(',')}`);
});

/** Drops its input; its snapshot costs `ms` of CPU, like large keyed state. */
class SlowSnapshotOperator implements Operator<number> {
  snapshots = 0;
  constructor(readonly ms: number) {}
  onBatch(): void { /* drops */ }
  snapshot(): number {
    this.snapshots++;
    const until = performance.now() + this.ms;
    while (performance.now() < until) { /* burn CPU: a snapshot this expensive */ }
    return this.snapshots;
  }
  restore(): void { /* nothing kept */ }
  close(): void { /* nothing held */ }
}

test('slow checkpoints are spaced out so snapshotting takes a bounded share of the time', (t) => {
  const logs = setup(t, 0);
  const op = new SlowSnapshotOperator(25);
  const runner = new TaskRunner({
    nodes: [{ kind: 'source', id: 'src', source: new EndlessSource() }, { kind: 'operator', id: 'slow', operator: op }, { kind: 'sink', id: 'sink', sink: new BlackholeSink() }],
    edges: [{ from: 'src', to: 'slow' }, { from: 'slow', to: 'sink' }],
  }, { statement: 'slow-snapshots', db: logs.database, maxBatchRecords: 16, checkpoints: { everyRecords: 1 } });
  const started = performance.now();
  let steps = 0;
  while (performance.now() - started < 600) { runner.step(); steps++; }
  const elapsed = performance.now() - started;
  runner.stop();
  assert.ok(op.snapshots >= 2, `checkpoints still happen (${op.snapshots})`);
  assert.ok(steps > op.snapshots * 10, `most slices run without a checkpoint (${steps} slices, ${op.snapshots} checkpoints)`);
  assert.ok((op.snapshots - 1) * op.ms < elapsed * 0.2, `${op.snapshots} checkpoints of ${op.ms} ms in ${elapsed.toFixed(0)} ms`);
});
