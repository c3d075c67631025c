import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../../shared/index.js';
import { TopicLogStore } from '../../../kafka/index.js';
import { ResultsSink, TaskRunner, type JobGraph, type ResultChange, type Source } from '../index.js';
import { DEFAULT_NEXMARK_CONFIG, FakerSource, NexmarkSource } from './index.js';

function database(t: TestContext): TopicLogStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-sources-'));
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'));
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return logs;
}

function job(source: Source, out: ResultChange[]): JobGraph {
  const sink = new ResultsSink({ format: (row) => row, deliver: (changes) => { out.push(...changes); } });
  return { nodes: [{ kind: 'source', id: 'src', source }, { kind: 'sink', id: 'sink', sink }], edges: [{ from: 'src', to: 'sink' }] };
}

/** Runs straight; then runs again, drops the runner mid-way and resumes from its last checkpoint. */
async function recoveryEquals(t: TestContext, make: () => Source, crashAfter: number): Promise<number> {
  const logs = database(t);
  const straight: ResultChange[] = [];
  assert.equal(await new TaskRunner(job(make(), straight), { statement: 'straight', db: logs.database }).run(), 'COMPLETED');
  const recovered: ResultChange[] = [];
  const opts = { statement: 'crashy', db: logs.database, maxBatchRecords: 50, checkpoints: { everyRecords: 300 } };
  const crashed = new TaskRunner(job(make(), recovered), opts);
  while (crashed.recordsRead < crashAfter) crashed.step();
  assert.ok(crashed.checkpointId > 0 && recovered.length < crashed.recordsRead, 'uncommitted rows were lost with the runner');
  const resumed = new TaskRunner(job(make(), recovered), opts);
  assert.equal(resumed.restore(), crashed.checkpointId);
  assert.equal(await resumed.run(), 'COMPLETED');
  assert.deepEqual(recovered, straight, 'recovered run equals the uninterrupted one');
  return straight.length;
}

test('a nexmark statement restored from a checkpoint emits the same events as a straight run', async (t) => {
  const make = (): Source => new NexmarkSource({ config: { ...DEFAULT_NEXMARK_CONFIG, eventsNum: 3000 }, baseTime: 0 });
  assert.equal(await recoveryEquals(t, make, 1700), 3000);
});

test('a faker statement restored from a checkpoint emits the same rows as a straight run', async (t) => {
  const make = (): Source => new FakerSource({ table: 'orders', seed: 11, rowsLimit: 1000, unpaced: true, clock: fixedClock(0) });
  assert.equal(await recoveryEquals(t, make, 650), 1000);
});
