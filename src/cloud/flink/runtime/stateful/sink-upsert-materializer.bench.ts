/**
 * Throughput of the SinkUpsertMaterializer: 1 M changes in batches of 1024 over 10 K sink keys, each
 * key backed by 4 input rows (input key `id`), every change after the first 40 K an update of one
 * input row (-U old, +U new), through a real OperatorNode. Events per process-CPU-second.
 * Run: node dist/src/cloud/flink/runtime/stateful/sink-upsert-materializer.bench.js
 */
import { batchOf, DEFAULT_BATCH_SIZE, type Batch } from '../batch.js';
import { OperatorNode } from '../operator-node.js';
import { INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row } from '../types.js';
import { SinkUpsertMaterializer } from './sink-upsert-materializer.js';

const CHANGES = 1_000_000;
const KEYS = 10_000;
const PER_KEY = 4;

function changeBatches(): Batch[] {
  const ids = KEYS * PER_KEY;
  const current: Row[] = [];
  const rows: Row[] = [];
  const kinds: number[] = [];
  for (let id = 0; id < ids; id++) { const r = [id % KEYS, id, 0]; current.push(r); rows.push(r); kinds.push(INSERT); }
  let seed = 11;
  while (rows.length < CHANGES) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const id = seed % ids;
    const old = current[id] as Row;
    const next = [old[0], id, (old[2] as number) + 1];
    current[id] = next;
    rows.push(old, next);
    kinds.push(UPDATE_BEFORE, UPDATE_AFTER);
  }
  const out: Batch[] = [];
  for (let i = 0; i < rows.length; i += DEFAULT_BATCH_SIZE) out.push(batchOf(rows.slice(i, i + DEFAULT_BATCH_SIZE), kinds.slice(i, i + DEFAULT_BATCH_SIZE)));
  return out;
}

const batches = changeBatches();
const total = batches.reduce((n, b) => n + b.size, 0);
for (let round = 0; round < 3; round++) {
  let emitted = 0;
  const op = new SinkUpsertMaterializer({ sinkKey: (r) => r[0], inputKey: (r) => r[1] });
  const node = new OperatorNode(op, { inputs: 1, downstream: (el) => { if (el.kind === 'batch') emitted += el.batch.size; } });
  const c0 = process.cpuUsage();
  for (const b of batches) node.pushBatch(0, b);
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  process.stdout.write(`round ${round}: ${total} changes, ${emitted} out in ${cpuS.toFixed(2)} CPU-s = ${Math.round(total / cpuS).toLocaleString('en-US')} events/CPU-s\n`);
}
