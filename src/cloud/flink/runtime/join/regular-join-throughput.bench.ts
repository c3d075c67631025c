/**
 * Throughput of the regular inner equi-join: 10 K build rows (one per key) on the right, then 1 M
 * insert-only probe rows on the left in batches of 1024, through a real OperatorNode; every probe
 * matches one build row. Run: node dist/src/cloud/flink/runtime/join/regular-join-throughput.bench.js
 */
import { batchOf, type Batch } from '../batch.js';
import { benchBatches } from '../bench-batches.js';
import { OperatorNode } from '../operator-node.js';
import type { Row } from '../types.js';
import { RegularJoinOperator } from './regular-join-operator.js';

const PROBES = 1_000_000;
const KEYS = 10_000;

function probeBatches(): Batch[] {
  return benchBatches(PROBES, (j, r) => [j, r % KEYS, 'order']);
}

const build: Row[] = [];
for (let k = 0; k < KEYS; k++) build.push([k, `customer-${k}`]);
const buildBatch = batchOf(build, build.map(() => 0));
const probes = probeBatches();
for (let round = 0; round < 3; round++) {
  let emitted = 0;
  const op = new RegularJoinOperator({ kind: 'INNER', left: { key: (r) => r[1], arity: 3 }, right: { key: (r) => r[0], arity: 2 } });
  const node = new OperatorNode(op, { inputs: 2, downstream: (el) => { if (el.kind === 'batch') emitted += el.batch.size; } });
  node.pushBatch(1, buildBatch);
  const t0 = process.hrtime.bigint();
  for (const b of probes) node.pushBatch(0, b);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`round ${round}: ${PROBES} probes, ${emitted} joined rows in ${ms.toFixed(0)} ms = ${Math.round(PROBES / (ms / 1000)).toLocaleString('en-US')} rows/s\n`);
}
