/**
 * Cut-over of a self-join (`orders l JOIN orders r ON l.id = r.id`), driven slice by slice with
 * orders appended between slices: an old job is stopped mid-stream, a new one rebuilds the join from
 * the earliest offsets with output suppressed until the old job's stop offsets (its
 * `latest_offsets`), then takes over. `matched` must then hold every order exactly once, whether
 * the join reads the topic through one shared source (what the planner builds for a plain
 * self-join) or through two sources at different positions (sides scanned with different
 * options), and whether the new job restarts from its checkpoint while suppressed or right after
 * the switch.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TopicLogStore } from '../../kafka/index.js';
import {
  CalcOperator, jsonDeserializer, jsonSerializer, latestOffsets, TaskRunner, TopicSink, TopicSource,
  type JobGraph, type JobNode, type PartitionOffset, type StartupMode,
} from './index.js';
import { RegularJoinOperator } from './join/index.js';

const CLUSTER = 'lkc-cut';
const KEY = (r: readonly unknown[]): unknown => r[0];

interface Orders { readonly logs: TopicLogStore; produce(n: number): void; readonly produced: number[] }

function setup(t: TestContext): Orders {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-cutover-'));
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'));
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  logs.createTopic(CLUSTER, 'orders', { partitionsCount: 2 });
  logs.createTopic(CLUSTER, 'matched', { partitionsCount: 1 });
  const produced: number[] = [];
  return {
    logs, produced,
    produce(n) {
      const recs = [];
      for (let i = 0; i < n; i++) {
        const id = produced.length;
        produced.push(id);
        recs.push({ partition: id % 2, value: Buffer.from(`{"id":${id},"amount":${id % 20}}`) });
      }
      logs.append(CLUSTER, 'orders', recs);
    },
  };
}

interface JobOptions {
  /** One source feeding both join inputs (the planner's plain self-join) or one source per side. */
  readonly shared: boolean;
  /** The right side's own startup (a scan option); the left starts at the earliest offset. */
  readonly rightStartup?: StartupMode;
  readonly cutOver?: readonly PartitionOffset[];
}

/** orders ⋈ orders on id → [l.id, r.amount] → matched. */
function selfJoin(logs: TopicLogStore, o: JobOptions): JobGraph {
  const source = (startup?: StartupMode): TopicSource => new TopicSource({
    logs, cluster: CLUSTER, topic: 'orders', mode: 'append',
    deserializer: jsonDeserializer([{ name: 'id', from: 'value' }, { name: 'amount', from: 'value' }]),
    ...(startup === undefined ? {} : { startup }), ...(o.cutOver === undefined ? {} : { cutOver: o.cutOver }),
  });
  const sources: JobNode[] = o.shared ? [{ kind: 'source', id: 'orders', source: source() }]
    : [{ kind: 'source', id: 'l', source: source() }, { kind: 'source', id: 'r', source: source(o.rightStartup) }];
  return {
    nodes: [
      ...sources,
      { kind: 'operator', id: 'join', operator: new RegularJoinOperator({ kind: 'INNER', left: { key: KEY, arity: 2 }, right: { key: KEY, arity: 2 } }) },
      { kind: 'operator', id: 'calc', operator: new CalcOperator({ project: (r) => [r[0], r[3]] }) },
      { kind: 'sink', id: 'sink', sink: new TopicSink({ logs, cluster: CLUSTER, topic: 'matched', mode: 'append', serializer: jsonSerializer({ value: [['id', 0], ['amount', 1]] }) }) },
    ],
    edges: [
      { from: o.shared ? 'orders' : 'l', to: 'join', input: 0 },
      { from: o.shared ? 'orders' : 'r', to: 'join', input: 1 },
      { from: 'join', to: 'calc' }, { from: 'calc', to: 'sink' },
    ],
  };
}

/** A runner reading 3 records per source poll, checkpointing every few records. */
function runner(logs: TopicLogStore, statement: string, o: JobOptions): TaskRunner {
  const r = new TaskRunner(selfJoin(logs, o), { statement, db: logs.database, maxBatchRecords: 3, checkpoints: { everyRecords: 7 } });
  r.restore();
  return r;
}

/** `partition:0,offset:5;partition:1,offset:7` → cut-over offsets. */
function parseOffsets(text: string | undefined): PartitionOffset[] {
  return (text ?? '').split(';').filter((x) => x !== '').map((x) => {
    const m = /^partition:(\d+),offset:(\d+)$/.exec(x);
    assert.ok(m !== null, x);
    return { partition: Number(m[1]), offset: Number(m[2]) };
  });
}

/** Steps until every source has read all of `orders`. */
function drain(o: Orders, r: TaskRunner): void {
  const end = o.logs.partitionOffsets(CLUSTER, 'orders').map((p) => `partition:${p.partition},offset:${p.highWatermark}`).join(';');
  for (let i = 0; i < 10_000 && r.latestOffsets()['orders'] !== end; i++) r.step();
  assert.equal(r.latestOffsets()['orders'], end, 'the job read every order');
}

function matchedIds(logs: TopicLogStore): number[] {
  return logs.read(CLUSTER, 'matched', 0, 0, 1_000_000).records.map((r) => (JSON.parse(r.value?.toString() ?? '{}') as { id: number }).id).sort((a, b) => a - b);
}

/**
 * Old job: a few slices, then stop (savepoint). New job: cut over at the old one's
 * `latest_offsets`, orders appended between its slices while suppressed, at the switch and after;
 * `restartAt` drops the new runner (no savepoint) and restores a fresh one from its checkpoint.
 */
function cutOver(o: Orders, job: Omit<JobOptions, 'cutOver'>, restartAt: 'suppressed' | 'switched' | 'never'): void {
  o.produce(20);
  const old = runner(o.logs, 'old', job);
  for (let i = 0; i < 3; i++) old.step();
  o.produce(10);
  for (let i = 0; i < 2; i++) old.step();
  old.stop();
  assert.equal(old.phase, 'STOPPED');
  const stopAt = parseOffsets(old.latestOffsets()['orders']);
  o.produce(6); // between the two statements

  const opts = { ...job, cutOver: stopAt };
  let next = runner(o.logs, 'new', opts);
  assert.equal(next.suppressingOutput, true);
  let restarted = false;
  for (let i = 0; i < 200 && next.suppressingOutput; i++) {
    o.produce(i % 3);
    next.step();
    if (restartAt === 'suppressed' && !restarted && i === 4) { next = runner(o.logs, 'new', opts); restarted = true; }
  }
  assert.equal(next.suppressingOutput, false, 'the new job reached the cut-over offsets and switched its output on');
  if (restartAt === 'switched') { next = runner(o.logs, 'new', opts); restarted = true; }
  assert.equal(restarted, restartAt !== 'never');
  for (let i = 0; i < 5; i++) { o.produce(3); next.step(); }
  drain(o, next);
  next.stop();
  assert.equal(next.phase, 'STOPPED');
}

for (const restartAt of ['never', 'suppressed', 'switched'] as const) {
  test(`one source shared by both sides: every order matched exactly once across the cut-over (restart: ${restartAt})`, (t) => {
    const o = setup(t);
    cutOver(o, { shared: true }, restartAt);
    assert.deepEqual(matchedIds(o.logs), o.produced);
  });

  test(`two sources on one topic at different positions: every order both sides read matched exactly once (restart: ${restartAt})`, (t) => {
    const o = setup(t);
    // The right side starts 4 records into each partition, so at the stop it is 4 records ahead of
    // the left side: orders before that are never read by the right side and match nothing.
    const right: StartupMode = { kind: 'specific-offsets', offsets: [{ partition: 0, offset: 4 }, { partition: 1, offset: 4 }] };
    cutOver(o, { shared: false, rightStartup: right }, restartAt);
    assert.deepEqual(matchedIds(o.logs), o.produced.filter((id) => id >= 8));
  });
}

test('latest_offsets of a topic read by several sources: per partition the smallest next offset, whatever the source order', () => {
  const a = { topic: 'orders', partitions: [{ partition: 0, next: 10, end: null }, { partition: 1, next: 4, end: null }] };
  const b = { topic: 'orders', partitions: [{ partition: 1, next: 9, end: null }, { partition: 0, next: 6, end: null }] };
  const other = { topic: 'customers', partitions: [{ partition: 0, next: 3, end: null }] };
  const want = { orders: 'partition:0,offset:6;partition:1,offset:4', customers: 'partition:0,offset:3' };
  assert.deepEqual(latestOffsets([a, other, b]), want);
  assert.deepEqual(latestOffsets([b, a, other, { values: 1 }]), want);
});
