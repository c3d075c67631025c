import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TopicLogStore } from '../../kafka/index.js';
import { CheckpointStore, TaskRunner } from './index.js';
import { CLUSTER, recoveryJob, seedInput } from './recovery-pipeline.fixture.js';

const CHILD = fileURLToPath(new URL('./crash-child.fixture.js', import.meta.url));
const N = 60_000;

function output(logs: TopicLogStore): string[] {
  return logs.partitionOffsets(CLUSTER, 'out').flatMap((p) => logs.read(CLUSTER, 'out', p.partition, 0, 1_000_000).records.map((r) => r.value?.toString() ?? 'null'));
}

test('exactly once across kill -9: a statement restored from its last checkpoint writes every result once', { timeout: 60_000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-crash-'));
  const file = path.join(dir, 'cloud.db');
  try {
    const seed = TopicLogStore.open(file);
    seedInput(seed, N);
    seed.close();

    const seen = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let last = 0;
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.stdout.on('data', (c: Buffer) => {
        const m = /checkpoint (\d+)/.exec(c.toString());
        if (m !== null && last === 0) {
          last = Number(m[1]);
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolve(last);
        else reject(new Error(`child exited with ${code}: ${stderr}`));
      });
    });
    assert.ok(seen >= 1);

    const logs = TopicLogStore.open(file);
    try {
      const atCrash = output(logs).length;
      assert.ok(atCrash > 0 && atCrash < N / 2, `the child died mid-way (${atCrash} of ${N / 2} results committed)`);
      // The same unbounded statement, resumed: read everything there is, then stop (savepoint).
      const runner = new TaskRunner(recoveryJob(logs), { statement: 'crashy', db: logs.database, maxBatchRecords: 1024, checkpoints: { everyRecords: 5000 } });
      const restoredFrom = runner.restore();
      assert.ok(restoredFrom >= seen);
      assert.equal(new CheckpointStore(logs.database).latest('crashy')?.checkpointId, restoredFrom);
      while (runner.step() === 'data') { /* until the input is drained */ }
      runner.stop();
      assert.equal(runner.phase, 'STOPPED');
      const values = output(logs);
      assert.equal(values.length, N / 2);
      assert.equal(new Set(values).size, N / 2, 'no result was written twice');
      const set = new Set(values);
      const missing: number[] = [];
      for (let i = 0; i < N; i += 2) if (!set.has(`{"id":${i},"sq":${i * i}}`)) missing.push(i);
      assert.deepEqual(missing.slice(0, 5), []);
    } finally {
      logs.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
