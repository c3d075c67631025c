/**
 * Window Top-N: ROW_NUMBER/RANK/DENSE_RANK over (PARTITION BY window_start, window_end, keys
 * ORDER BY …) with a rank filter, on an insert-only input. Each (window, partition) keeps its rows
 * sorted (only those that can still rank, see rank-numbers.ts); when the watermark reaches the
 * window's window_time the rows ranked rankStart..rankEnd are emitted as +I (with the rank number
 * appended when `outputRank`), rowtime = window_end − 1. Rows for a fired window are late: dropped
 * and counted. Output order: window end, then partition key, then rank.
 */
import { invariant } from '../../../../../shared/index.js';
import type { Batch } from '../../batch.js';
import type { Operator, OperatorContext } from '../../operator.js';
import { INSERT, NO_WATERMARK, type Row } from '../../types.js';
import { insertSorted, pruneBeyond, rankNumbers } from '../rank-numbers.js';
import type { KeyExtractor, RankFunction, RowComparator } from '../types.js';
import { compareKeyIds, decodeRow, decodeValue, encodeRow, encodeValue, tupleKey, type Json, type KeyId } from '../value-codec.js';
import { windowedRows, type Windowing } from './windowing.js';

/** What a planner hands to a window Top-N. */
export interface WindowRankSpec {
  readonly windowing: Windowing;
  /** PARTITION BY columns besides window_start/window_end. */
  readonly partitionKey?: KeyExtractor;
  readonly order: RowComparator;
  readonly rankFunction?: RankFunction;
  /** First rank kept (default 1). */
  readonly rankStart?: number;
  /** Last rank kept (`rn <= N`). */
  readonly rankEnd: number;
  /** Append the rank number to output rows. */
  readonly outputRank?: boolean;
}

/** Checkpointed state: [end, start, key, rows] per open (window, partition). */
export interface WindowRankState {
  readonly watermark: Json;
  readonly late: number;
  readonly partitions: readonly (readonly [number, number, Json, readonly Json[]])[];
}

interface Partition {
  readonly start: number;
  readonly key: unknown[];
  readonly rows: Row[];
}

const NO_KEY: KeyExtractor = () => [];

/** Window Top-N; see the file header. */
export class WindowRankOperator implements Operator<WindowRankState> {
  readonly #spec: WindowRankSpec;
  readonly #fn: RankFunction;
  readonly #key: KeyExtractor;
  readonly #parts = new Map<number, Map<KeyId, Partition>>();
  #watermark = NO_WATERMARK;
  #late = 0;

  constructor(spec: WindowRankSpec) {
    invariant(spec.rankEnd >= (spec.rankStart ?? 1) && (spec.rankStart ?? 1) >= 1, 'window Top-N needs 1 <= rankStart <= rankEnd');
    this.#spec = spec;
    this.#fn = spec.rankFunction ?? 'ROW_NUMBER';
    this.#key = spec.partitionKey ?? NO_KEY;
  }

  /** Rows dropped because their window had fired. */
  get lateRecordsDropped(): number { return this.#late; }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    const { rows, kinds, rowtimes, size } = batch;
    for (let i = 0; i < size; i++) {
      invariant(kinds[i] === INSERT, 'window Top-N takes an insert-only input');
      let accepted = false;
      for (const w of windowedRows(this.#spec.windowing, rows[i] as Row, rowtimes[i] as number)) {
        if (w.end - 1 <= this.#watermark) continue;
        accepted = true;
        const key = this.#key(w.row);
        const id = tupleKey(key);
        let byKey = this.#parts.get(w.end);
        if (byKey === undefined) { byKey = new Map(); this.#parts.set(w.end, byKey); }
        let p = byKey.get(id);
        if (p === undefined) { p = { start: w.start, key, rows: [] }; byKey.set(id, p); }
        insertSorted(p.rows, w.row, this.#spec.order);
        pruneBeyond(p.rows, this.#fn, this.#spec.rankEnd, this.#spec.order);
      }
      if (!accepted) this.#late++;
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#watermark) return;
    this.#watermark = time;
    const due = [...this.#parts.keys()].filter((end) => end - 1 <= time).sort((a, b) => a - b);
    const { rankStart = 1, rankEnd, outputRank = false, order } = this.#spec;
    for (const end of due) {
      const byKey = this.#parts.get(end);
      this.#parts.delete(end);
      if (byKey === undefined) continue;
      for (const id of [...byKey.keys()].sort(compareKeyIds)) {
        const p = byKey.get(id);
        if (p === undefined) continue;
        const ranks = rankNumbers(p.rows, this.#fn, order);
        p.rows.forEach((row, j) => {
          const r = ranks[j] as number;
          if (r >= rankStart && r <= rankEnd) ctx.emit(outputRank ? [...row, BigInt(r)] : row, INSERT, end - 1);
        });
      }
    }
  }

  snapshot(): WindowRankState {
    const partitions: (readonly [number, number, Json, readonly Json[]])[] = [];
    for (const [end, byKey] of this.#parts) for (const p of byKey.values()) partitions.push([end, p.start, encodeRow(p.key), p.rows.map(encodeRow)]);
    return { watermark: encodeValue(this.#watermark), late: this.#late, partitions };
  }

  restore(s: WindowRankState): void {
    this.#watermark = decodeValue(s.watermark) as number;
    this.#late = s.late;
    this.#parts.clear();
    for (const [end, start, k, rows] of s.partitions) {
      const key = decodeRow(k);
      let byKey = this.#parts.get(end);
      if (byKey === undefined) { byKey = new Map(); this.#parts.set(end, byKey); }
      byKey.set(tupleKey(key), { start, key, rows: rows.map(decodeRow) });
    }
  }

  close(): void { this.#parts.clear(); }
}
