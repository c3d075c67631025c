import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlinkHarness } from './executor-harness.js';

const ROWS = 20_000;

test('a cloud killed mid-stream resumes the running INSERT from its checkpoint: every result exactly once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-restart-'));
  try {
    const child = spawn(process.execPath, [fileURLToPath(new URL('./restart-child.fixture.js', import.meta.url)), dir, String(ROWS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const committedAtKill = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /ready (\d+)/.exec(out);
        if (m !== null) { child.kill('SIGKILL'); resolve(Number(m[1])); }
      });
      child.on('exit', (code) => { if (!/ready/.test(out)) reject(new Error(`child exited ${String(code)} before ready`)); });
    });
    await new Promise<void>((resolve) => { if (child.exitCode !== null || child.signalCode !== null) resolve(); else child.on('exit', () => resolve()); });
    assert.ok(committedAtKill > 0);

    const h = await FlinkHarness.start({ dataDir: dir });
    try {
      assert.equal((await h.awaitPhase('copy', ['RUNNING', 'FAILED'])).status.phase, 'RUNNING');
      const committed = (): number => h.cloud.topics.partitionOffsets(h.clusterId, 'dst').reduce((n, p) => n + p.highWatermark, 0);
      await h.until(() => committed() >= ROWS / 2, 'all results after the restart', 30_000);
      await h.setStopped('copy', true);
      await h.awaitPhase('copy', ['STOPPED']);
      const ids = h.read('dst').map((r) => r[0] as number).sort((a, b) => a - b);
      assert.equal(ids.length, ROWS / 2);
      assert.equal(new Set(ids).size, ROWS / 2);
      assert.deepEqual([ids[0], ids[ids.length - 1]], [0, ROWS - 2]);
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
