import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../shared/index.js';
import { TopicLogStore } from '../../kafka/index.js';
import {
  jsonDeserializer, ProcessingTimeOperator, ResultsSink, TaskRunner, TopicSource, WindowAggregateOperator, type JobGraph, type ResultChange,
} from './index.js';

const CLUSTER = 'lkc-proc';

function logsWith(t: TestContext, n: number): TopicLogStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-proctime-'));
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'));
  logs.createTopic(CLUSTER, 'in', { partitionsCount: 2 });
  append(logs, 0, n);
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return logs;
}

function append(logs: TopicLogStore, from: number, to: number): void {
  const recs = [];
  for (let i = from; i < to; i++) recs.push({ key: Buffer.from(String(i)), value: Buffer.from(`{"id":${i}}`) });
  logs.append(CLUSTER, 'in', recs);
}

/** Unbounded `in` → processing-time TUMBLE(10 ms) COUNT(*) per id parity → results (committed at checkpoints). */
function job(logs: TopicLogStore, clock: { now(): number }, out: ResultChange[]): JobGraph {
  // The window's time column is the processing time the row was read at (what PROCTIME() materializes).
  const windows = new WindowAggregateOperator({ window: { kind: 'tumble', size: 10 }, key: (r) => [(r[0] as number) % 2], rowtime: () => clock.now(), aggregates: [{ fn: 'COUNT' }] });
  return {
    nodes: [
      { kind: 'source', id: 'src', source: new TopicSource({ logs, cluster: CLUSTER, topic: 'in', mode: 'append', deserializer: jsonDeserializer([{ name: 'id', from: 'value' }]) }) },
      { kind: 'operator', id: 'win', operator: new ProcessingTimeOperator(windows) },
      { kind: 'sink', id: 'out', sink: new ResultsSink({ format: (r) => r.map(String), deliver: (c) => { out.push(...c); } }) },
    ],
    edges: [{ from: 'src', to: 'win' }, { from: 'win', to: 'out' }],
  };
}

const rows = (cs: readonly ResultChange[]): string[] => cs.map((c) => c.row.slice(0, 4).join(' ')).sort();

test('processing-time windows fire from the runner clock with no new input, not from the end of the input or watermarks', (t) => {
  const logs = logsWith(t, 5);
  const clock = fixedClock(1_000);
  const out: ResultChange[] = [];
  const runner = new TaskRunner(job(logs, clock, out), { statement: 'p1', db: logs.database, clock });
  runner.step(); // reads the 5 rows at 1000: window [1000, 1010)
  clock.advance(8);
  runner.step();
  runner.checkpoint();
  assert.deepEqual(out, [], 'the window is still open at 1008');
  clock.advance(1); // 1009 = window_end - 1
  assert.equal(runner.step(), 'idle');
  runner.checkpoint();
  assert.deepEqual(rows(out), ['0 3 1000 1010', '1 2 1000 1010']);
});

test('open processing-time windows and their timers survive a checkpoint and a restore into a fresh runner', (t) => {
  const logs = logsWith(t, 4);
  const clock = fixedClock(2_000);
  const out: ResultChange[] = [];
  const first = new TaskRunner(job(logs, clock, out), { statement: 'p2', db: logs.database, clock });
  first.step();
  clock.advance(5);
  append(logs, 4, 7); // read at 2005, same window
  first.step();
  first.checkpoint();
  assert.deepEqual(out, []);
  const second = new TaskRunner(job(logs, clock, out), { statement: 'p2', db: logs.database, clock });
  assert.ok(second.restore() > 0);
  clock.advance(5); // 2010: [2000, 2010) fires; nothing is read twice
  second.step();
  second.checkpoint();
  assert.deepEqual(rows(out), ['0 4 2000 2010', '1 3 2000 2010']);
});
