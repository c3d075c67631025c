/**
 * ChangelogNormalize: turns an upsert source's changes (+U with the full row, -D tombstones whose
 * value columns are NULL) into a full changelog keyed by the primary key, as Flink plans after
 * every upsert source: the first row of a key is +I, a changed row -U old / +U new, an identical
 * row nothing, a tombstone -D of the row held (a tombstone for an unknown key is dropped).
 * State: the last row per key, checkpointed with the job.
 */
import type { Batch, Operator, OperatorContext, Json, KeyId } from '../runtime/index.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, decodeRow, encodeRow, tupleKey, valuesEqual } from '../runtime/index.js';

/** Checkpointed state: [row, rowtime] per key, in first-seen order. */
export interface ChangelogNormalizeState {
  readonly rows: readonly (readonly [Json, number | null])[];
}

/** Normalizes an upsert stream; `key` extracts the primary key columns. */
export class ChangelogNormalizeOperator implements Operator<ChangelogNormalizeState> {
  readonly #key: (row: unknown[]) => unknown[];
  #rows = new Map<KeyId, { row: unknown[]; time: number }>();

  constructor(key: (row: unknown[]) => unknown[]) { this.#key = key; }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as unknown[];
      const kind = batch.kinds[i] as number;
      const time = batch.rowtimes[i] as number;
      const k = tupleKey(this.#key(row));
      const prev = this.#rows.get(k);
      if (kind === DELETE || kind === UPDATE_BEFORE) {
        if (prev === undefined) continue;
        this.#rows.delete(k);
        ctx.emit(prev.row, DELETE, time);
        continue;
      }
      if (prev === undefined) {
        this.#rows.set(k, { row, time });
        ctx.emit(row, INSERT, time);
        continue;
      }
      if (prev.row.length === row.length && prev.row.every((v, c) => valuesEqual(v, row[c]))) continue;
      this.#rows.set(k, { row, time });
      ctx.emit(prev.row, UPDATE_BEFORE, time);
      ctx.emit(row, UPDATE_AFTER, time);
    }
  }

  snapshot(): ChangelogNormalizeState {
    return { rows: [...this.#rows.values()].map((e) => [encodeRow(e.row), Number.isNaN(e.time) ? null : e.time] as const) };
  }

  restore(state: ChangelogNormalizeState): void {
    this.#rows = new Map();
    for (const [row, time] of state.rows) {
      const r = decodeRow(row);
      this.#rows.set(tupleKey(this.#key(r)), { row: r, time: time ?? Number.NaN });
    }
  }

  close(): void { this.#rows.clear(); }
}
