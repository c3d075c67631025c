/**
 * Window deduplication: keep the first (ORDER BY rowtime ASC) or last (DESC) row per key per window,
 * on an insert-only input; emitted as +I when the watermark reaches the window's window_time, with
 * rowtime = window_end − 1. Ties on rowtime: keep-first keeps the earlier arrival, keep-last the
 * later one (Flink's rule). Rows for a fired window are late: dropped and counted.
 */
import { invariant } from '../../../../../shared/index.js';
import type { Batch } from '../../batch.js';
import type { Operator, OperatorContext } from '../../operator.js';
import { INSERT, NO_WATERMARK, type Row } from '../../types.js';
import type { KeyExtractor } from '../types.js';
import { compareKeyIds, decodeRow, decodeValue, encodeRow, encodeValue, tupleKey, type Json, type KeyId } from '../value-codec.js';
import { checkRowtime, windowedRows, type Windowing } from './windowing.js';

/** What a planner hands to a window deduplication. */
export interface WindowDeduplicateSpec {
  readonly windowing: Windowing;
  /** PARTITION BY columns besides window_start/window_end. */
  readonly key?: KeyExtractor;
  readonly keep: 'first' | 'last';
  /** The ORDER BY time attribute; default: the row's rowtime in the batch. */
  readonly rowtime?: (row: Row) => number;
}

/** Checkpointed state: [end, key, row, time] per open (window, key). */
export interface WindowDeduplicateState {
  readonly watermark: Json;
  readonly late: number;
  readonly kept: readonly (readonly [number, Json, Json, number])[];
}

interface Kept {
  readonly key: unknown[];
  row: Row;
  time: number;
}

const NO_KEY: KeyExtractor = () => [];

/** Window deduplication; see the file header. */
export class WindowDeduplicateOperator implements Operator<WindowDeduplicateState> {
  readonly #spec: WindowDeduplicateSpec;
  readonly #key: KeyExtractor;
  readonly #kept = new Map<number, Map<KeyId, Kept>>();
  #watermark = NO_WATERMARK;
  #late = 0;

  constructor(spec: WindowDeduplicateSpec) {
    this.#spec = spec;
    this.#key = spec.key ?? NO_KEY;
  }

  /** Rows dropped because their window had fired. */
  get lateRecordsDropped(): number { return this.#late; }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    const { rows, kinds, rowtimes, size } = batch;
    const last = this.#spec.keep === 'last';
    for (let i = 0; i < size; i++) {
      invariant(kinds[i] === INSERT, 'window deduplication takes an insert-only input');
      const row = rows[i] as Row;
      const t = checkRowtime(this.#spec.rowtime === undefined ? rowtimes[i] : this.#spec.rowtime(row));
      let accepted = false;
      for (const w of windowedRows(this.#spec.windowing, row, t)) {
        if (w.end - 1 <= this.#watermark) continue;
        accepted = true;
        const key = this.#key(w.row);
        const id = tupleKey(key);
        let byKey = this.#kept.get(w.end);
        if (byKey === undefined) { byKey = new Map(); this.#kept.set(w.end, byKey); }
        const k = byKey.get(id);
        if (k === undefined) byKey.set(id, { key, row: w.row, time: t });
        else if (last ? t >= k.time : t < k.time) { k.row = w.row; k.time = t; }
      }
      if (!accepted) this.#late++;
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#watermark) return;
    this.#watermark = time;
    const due = [...this.#kept.keys()].filter((end) => end - 1 <= time).sort((a, b) => a - b);
    for (const end of due) {
      const byKey = this.#kept.get(end);
      this.#kept.delete(end);
      if (byKey === undefined) continue;
      for (const id of [...byKey.keys()].sort(compareKeyIds)) {
        const k = byKey.get(id);
        if (k !== undefined) ctx.emit(k.row, INSERT, end - 1);
      }
    }
  }

  snapshot(): WindowDeduplicateState {
    const kept: (readonly [number, Json, Json, number])[] = [];
    for (const [end, byKey] of this.#kept) for (const k of byKey.values()) kept.push([end, encodeRow(k.key), encodeRow(k.row), k.time]);
    return { watermark: encodeValue(this.#watermark), late: this.#late, kept };
  }

  restore(s: WindowDeduplicateState): void {
    this.#watermark = decodeValue(s.watermark) as number;
    this.#late = s.late;
    this.#kept.clear();
    for (const [end, k, row, time] of s.kept) {
      const key = decodeRow(k);
      let byKey = this.#kept.get(end);
      if (byKey === undefined) { byKey = new Map(); this.#kept.set(end, byKey); }
      byKey.set(tupleKey(key), { key, row: decodeRow(row), time });
    }
  }

  close(): void { this.#kept.clear(); }
}
