/**
 * The streamed side of the operators' differential property tests (over-*, window-aggregate-*):
 * an insert-only input fed to one operator in random batches of 1–8 rows, with watermarks
 * (max rowtime seen − jitter − 1) after half of them and a snapshot/restore into a fresh operator
 * after a fifth of them, as checkpoint and recovery would. The changelog comes back sorted, to be
 * compared with a naive evaluation's.
 */
import { batchOf } from '../batch.js';
import { formatChange } from '../changelog-notation.js';
import type { Operator } from '../operator.js';
import { OperatorNode, type NodeSnapshot } from '../operator-node.js';
import { INSERT, type Row } from '../types.js';

/** See the file header. */
export function streamWithRestores(make: () => Operator, rand: () => number, rows: readonly Row[], times: readonly number[], jitter: number): string[] {
  const out: string[] = [];
  const downstream = (el: { kind: string; batch?: { size: number; rows: readonly Row[]; kinds: Uint8Array; rowtimes: Float64Array } }): void => {
    if (el.kind !== 'batch' || el.batch === undefined) return;
    for (let i = 0; i < el.batch.size; i++) out.push(formatChange(el.batch.rows[i] as Row, el.batch.kinds[i] as number, el.batch.rowtimes[i]));
  };
  let node = new OperatorNode(make(), { inputs: 1, downstream });
  let maxSeen = Number.NEGATIVE_INFINITY;
  let i = 0;
  while (i < rows.length) {
    const j = Math.min(rows.length, i + 1 + Math.floor(rand() * 8));
    node.pushBatch(0, batchOf(rows.slice(i, j), rows.slice(i, j).map(() => INSERT), times.slice(i, j)));
    for (let k = i; k < j; k++) maxSeen = Math.max(maxSeen, times[k] as number);
    i = j;
    if (rand() < 0.5) node.pushWatermark(0, maxSeen - jitter - 1);
    if (rand() < 0.2) {
      const snap = JSON.parse(JSON.stringify(node.snapshot())) as NodeSnapshot;
      node = new OperatorNode(make(), { inputs: 1, downstream });
      node.restore(snap);
    }
  }
  node.pushEnd(0);
  return out.sort();
}
