/**
 * Topic log throughput: append and sequential read of 100-byte values at batch sizes 1, 100 and
 * 1000, on a real SQLite file (WAL, synchronous=NORMAL) in a temp dir. Prints records/s.
 * Run with `npm run bench:log`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TopicLogStore, type RecordToAppend } from '../src/cloud/kafka/index.js';

const VALUE_BYTES = 100;
const CASES: readonly { batch: number; records: number }[] = [
  { batch: 1, records: 20_000 },
  { batch: 100, records: 500_000 },
  { batch: 1000, records: 1_000_000 },
];

function rate(n: number, ms: number): string {
  return `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} records/s`;
}

function readAll(store: TopicLogStore, topic: string, perRead: number): { records: number; ms: number } {
  const t = performance.now();
  let offset = 0;
  let records = 0;
  for (;;) {
    const r = store.read('lkc-bench', topic, 0, offset, perRead);
    if (r.records.length === 0) break;
    records += r.records.length;
    offset = r.nextOffset;
  }
  return { records, ms: performance.now() - t };
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-log-bench-'));
  const lines: string[] = [];
  try {
    const store = TopicLogStore.open(path.join(dir, 'cloud.db'));
    for (const c of CASES) {
      const topic = `bench-${c.batch}`;
      store.createTopic('lkc-bench', topic, { partitionsCount: 1 });
      const value = Buffer.alloc(VALUE_BYTES, 7);
      const batch: RecordToAppend[] = [];
      for (let i = 0; i < c.batch; i++) batch.push({ partition: 0, key: null, value, timestamp: 1_700_000_000_000 + i });
      const t0 = performance.now();
      for (let done = 0; done < c.records; done += c.batch) store.append('lkc-bench', topic, batch);
      const appendMs = performance.now() - t0;

      const readBatch = Math.max(c.batch, 1000);
      const first = readAll(store, topic, readBatch);
      let line = `batch ${String(c.batch).padStart(4)}: append ${rate(c.records, appendMs)} (${c.records} records), sequential read ${rate(first.records, first.ms)} (${readBatch} per read)`;
      if (c.batch === 1) {
        const t2 = performance.now();
        const merged = store.mergeSmallBatches().batchesMerged;
        const mergeMs = performance.now() - t2;
        const again = readAll(store, topic, readBatch);
        line += `; after maintenance merged ${merged} batch rows in ${mergeMs.toFixed(0)} ms: read ${rate(again.records, again.ms)}`;
      }
      lines.push(line);
    }
    const size = fs.statSync(path.join(dir, 'cloud.db')).size + (fs.existsSync(path.join(dir, 'cloud.db-wal')) ? fs.statSync(path.join(dir, 'cloud.db-wal')).size : 0);
    lines.push(`database size: ${(size / 1e6).toFixed(1)} MB, value size ${VALUE_BYTES} bytes`);
    store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main();
