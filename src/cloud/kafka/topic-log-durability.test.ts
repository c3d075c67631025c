import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TopicLogStore } from './index.js';

const CHILD = fileURLToPath(new URL('./durability-child.fixture.js', import.meta.url));
const WANT_ACKS = 2000;

test('every acknowledged append survives kill -9 of the writing process', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-durability-'));
  const file = path.join(dir, 'cloud.db');
  try {
    const acked = await new Promise<{ partition: number; offset: number; value: string }[]>((resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
      const acks: { partition: number; offset: number; value: string }[] = [];
      let pending = '';
      let stderr = '';
      let killed = false;
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      child.stdout.on('data', (c: Buffer) => {
        pending += c.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^acked (\d+) (\d+) (\S+)$/.exec(line);
          if (m !== null && !killed) acks.push({ partition: Number(m[1]), offset: Number(m[2]), value: m[3] ?? '' });
        }
        if (!killed && acks.length >= WANT_ACKS) {
          killed = true;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolve(acks);
        else reject(new Error(`child exited with ${code}: ${stderr}`));
      });
    });
    assert.ok(acked.length >= WANT_ACKS);
    const store = TopicLogStore.open(file);
    try {
      const byPartition = new Map<number, Map<number, string>>();
      for (const p of [0, 1, 2]) {
        const map = new Map<number, string>();
        for (const r of store.read('lkc-dur', 'events', p, 0, 1_000_000).records) map.set(r.offset, r.value?.toString() ?? '');
        byPartition.set(p, map);
      }
      const missing = acked.filter((a) => byPartition.get(a.partition)?.get(a.offset) !== a.value);
      assert.deepEqual(missing.slice(0, 5), []);
    } finally {
      store.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
