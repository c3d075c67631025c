/**
 * Input for the operator throughput benches (*.bench.ts): `count` insert rows in batches of
 * DEFAULT_BATCH_SIZE, row j made by `row(j, r)` from a 32-bit pseudo-random `r` (a fixed-seed
 * linear congruential generator, so every run reads the same rows).
 */
import { batchOf, DEFAULT_BATCH_SIZE, type Batch } from './batch.js';
import type { Row } from './types.js';

/** See the file header. */
export function benchBatches(count: number, row: (j: number, r: number) => Row): Batch[] {
  const out: Batch[] = [];
  let seed = 7;
  for (let i = 0; i < count; i += DEFAULT_BATCH_SIZE) {
    const rows: Row[] = [];
    for (let j = i; j < Math.min(count, i + DEFAULT_BATCH_SIZE); j++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      rows.push(row(j, seed));
    }
    out.push(batchOf(rows, rows.map(() => 0)));
  }
  return out;
}
