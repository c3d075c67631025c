/**
 * Throughput of the group aggregate: COUNT(*) and SUM(BIGINT) by key, 1 M insert rows over 10 K keys
 * in batches of 1024, through a real OperatorNode. Run: node dist/src/cloud/flink/runtime/stateful/group-aggregate-throughput.bench.js
 */
import { bigintType } from '../../types/index.js';
import type { Batch } from '../batch.js';
import { benchBatches } from '../bench-batches.js';
import { OperatorNode } from '../operator-node.js';
import { GroupAggregateOperator } from './group-aggregate-operator.js';

const ROWS = 1_000_000;
const KEYS = 10_000;

function batches(): Batch[] {
  return benchBatches(ROWS, (_j, r) => [`key-${r % KEYS}`, BigInt(r % 1000)]);
}

const input = batches();
for (let round = 0; round < 3; round++) {
  let emitted = 0;
  const node = new OperatorNode(new GroupAggregateOperator({
    key: (r) => [r[0]],
    aggregates: [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: bigintType() }],
  }), { inputs: 1, downstream: (el) => { if (el.kind === 'batch') emitted += el.batch.size; } });
  const t0 = process.hrtime.bigint();
  for (const b of input) node.pushBatch(0, b);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`round ${round}: ${ROWS} rows, ${KEYS} keys in ${ms.toFixed(0)} ms = ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s (${emitted} changes out)\n`);
}
