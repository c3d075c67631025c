/**
 * Throughput of MATCH_RECOGNIZE: the shoe-store pattern (A B C, ratings >4, >4, 0..2, SKIP TO NEXT
 * ROW) over 1 M insert rows in 1 K partitions, batches of 1024 with a watermark after each, through
 * a real OperatorNode. Run: node dist/src/cloud/flink/runtime/join/match-recognize/match-recognize-throughput.bench.js
 */
import type { Batch } from '../../batch.js';
import { benchBatches } from '../../bench-batches.js';
import { OperatorNode } from '../../operator-node.js';
import { MatchRecognizeOperator } from './match-recognize-operator.js';

const ROWS = 1_000_000;
const PARTITIONS = 1_000;

function batches(): Batch[] {
  return benchBatches(ROWS, (j, r) => [`user-${r % PARTITIONS}`, (r >>> 10) % 6, j]);
}

const input = batches();
for (let round = 0; round < 3; round++) {
  let emitted = 0;
  const op = new MatchRecognizeOperator({
    partition: (r) => [r[0]], time: (r) => r[2] as number, skip: { kind: 'to-next-row' },
    pattern: { kind: 'concat', items: [{ kind: 'var', name: 'A' }, { kind: 'var', name: 'B' }, { kind: 'var', name: 'C' }] },
    define: {
      A: (c) => (c.row[1] as number) > 4,
      B: (c) => (c.row[1] as number) > 4,
      C: (c) => (c.row[1] as number) <= 2,
    },
    measures: (m) => [m.last('A')?.[1] ?? null, m.last('B')?.[1] ?? null, m.last('C')?.[1] ?? null],
  });
  const node = new OperatorNode(op, { inputs: 1, downstream: (el) => { if (el.kind === 'batch') emitted += el.batch.size; } });
  const t0 = process.hrtime.bigint();
  let t = 0;
  for (const b of input) { node.pushBatch(0, b); t += b.size; node.pushWatermark(0, t); }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(`round ${round}: ${ROWS} rows, ${emitted} matches in ${ms.toFixed(0)} ms = ${Math.round(ROWS / (ms / 1000)).toLocaleString('en-US')} rows/s\n`);
}
