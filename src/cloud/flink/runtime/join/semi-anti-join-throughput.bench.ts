/**
 * Throughput of the semi / anti joins behind IN / EXISTS / NOT IN subqueries: 10 K build rows on the
 * right (every other key), then 1 M insert-only probe rows on the left in batches of 1024, through a
 * real OperatorNode; half the probes match. Reported per process-CPU-second.
 * Run: node dist/src/cloud/flink/runtime/join/semi-anti-join-throughput.bench.js
 */
import { batchOf, type Batch } from '../batch.js';
import { benchBatches } from '../bench-batches.js';
import { OperatorNode } from '../operator-node.js';
import type { Row } from '../types.js';
import { RegularJoinOperator } from './regular-join-operator.js';
import type { JoinKind } from './types.js';

const PROBES = 1_000_000;
const KEYS = 20_000;

function probeBatches(): Batch[] {
  return benchBatches(PROBES, (j, r) => [j, (r >>> 8) % KEYS, 'order']);
}

const build: Row[] = [];
for (let k = 0; k < KEYS; k += 2) build.push([k]);
const buildBatch = batchOf(build, build.map(() => 0));
const probes = probeBatches();
const cases: readonly { readonly name: string; readonly kind: JoinKind; readonly nullAware: boolean }[] = [
  { name: 'IN (semi)', kind: 'SEMI', nullAware: false },
  { name: 'NOT EXISTS (anti)', kind: 'ANTI', nullAware: false },
  { name: 'NOT IN (null-aware anti)', kind: 'ANTI', nullAware: true },
];
for (const c of cases) {
  for (let round = 0; round < 3; round++) {
    let emitted = 0;
    const op = new RegularJoinOperator({ kind: c.kind, nullAware: c.nullAware, left: { key: (r) => r[1], arity: 3 }, right: { key: (r) => r[0], arity: 1 } });
    const node = new OperatorNode(op, { inputs: 2, downstream: (el) => { if (el.kind === 'batch') emitted += el.batch.size; } });
    node.pushBatch(1, buildBatch);
    const cpu0 = process.cpuUsage();
    for (const b of probes) node.pushBatch(0, b);
    const cpu = process.cpuUsage(cpu0);
    const sec = (cpu.user + cpu.system) / 1e6;
    process.stdout.write(`${c.name} round ${round}: ${PROBES} probes, ${emitted} rows out in ${(sec * 1000).toFixed(0)} ms CPU = ${Math.round(PROBES / sec).toLocaleString('en-US')} rows per CPU-second\n`);
  }
}
