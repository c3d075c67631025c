/**
 * Benchmark (not a test): source → calc → blackhole over 1 M records of 100-byte raw values.
 * Run: `node dist/src/cloud/flink/runtime/throughput.bench.js [records]`; prints records/s for the
 * default SOURCE_WATERMARK() generator and for no watermarks, plus the raw log read rate.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TopicLogStore } from '../../kafka/index.js';
import { BlackholeSink, CalcOperator, noWatermarks, rawDeserializer, TaskRunner, TopicSource, type WatermarkGeneratorFactory } from './index.js';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-bench-'));
const logs = TopicLogStore.open(path.join(dir, 'cloud.db'));
try {
  logs.createTopic('c', 'in', { partitionsCount: 1 });
  const value = Buffer.alloc(100, 120);
  let t = performance.now();
  for (let base = 0; base < N; base += 10_000) {
    logs.append('c', 'in', Array.from({ length: Math.min(10_000, N - base) }, (_, i) => ({ partition: 0, key: null, value, timestamp: 1_700_000_000_000 + base + i })));
  }
  report('seed (append)', N, performance.now() - t);

  t = performance.now();
  let read = 0;
  for (let off = 0; off < N;) {
    const r = logs.read('c', 'in', 0, off, 1024);
    read += r.records.length;
    off = r.nextOffset;
  }
  report('log read only', read, performance.now() - t);

  for (const [name, wm] of [['pipeline, SOURCE_WATERMARK()', undefined], ['pipeline, no watermarks', noWatermarks()]] as const) {
    run(name, wm);
  }
} finally {
  logs.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

function run(name: string, watermarks: WatermarkGeneratorFactory | undefined): void {
  const sink = new BlackholeSink();
  const source = new TopicSource({ logs, cluster: 'c', topic: 'in', mode: 'append', deserializer: rawDeserializer(), ...(watermarks === undefined ? {} : { watermarks }) });
  const runner = new TaskRunner({
    nodes: [
      { kind: 'source', id: 'src', source },
      { kind: 'operator', id: 'calc', operator: new CalcOperator({ filter: (r) => r[1] !== null, project: (r) => [r[1]] }) },
      { kind: 'sink', id: 'sink', sink },
    ],
    edges: [{ from: 'src', to: 'calc' }, { from: 'calc', to: 'sink' }],
  }, { statement: name, db: logs.database, maxBatchRecords: 1024, checkpoints: { everyRecords: 100_000 } });
  const t = performance.now();
  while (runner.step() === 'data') { /* drain */ }
  runner.stop();
  report(name, sink.written, performance.now() - t);
}

function report(what: string, n: number, ms: number): void {
  process.stdout.write(`${what}: ${n} records in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000).toLocaleString('en-US')} records/s\n`);
}
