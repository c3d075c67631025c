/**
 * LIMIT n OFFSET m over an updating input (no ORDER BY): the result is rows m+1..m+n of the current
 * relation in arrival order, as Flink's Limit over a changelog (a ROW_NUMBER over no sort key,
 * retractable). Every live row is kept, since any of them can move into the window: -U/-D remove
 * the first equal held row (one never seen is ignored, as in Flink), +I/+U append. A row leaving
 * the window emits -D, a row entering it +I (an updated row leaves and re-enters at the end, so
 * the next row fills in). Output is diffed once per mini-batch against what downstream holds;
 * batches that touch nothing at or before the window's end emit nothing. Unlike the insert-only
 * LIMIT (limit-operator.ts) this never finishes: the window keeps following the input.
 */
import { invariant } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { DELETE, INSERT, UPDATE_AFTER, type Row } from '../types.js';
import { decodeRow, encodeRow, multisetMinus, valuesEqual, type Json } from './value-codec.js';

/** LIMIT / OFFSET of the operator. */
export interface UpdatingLimitSpec {
  readonly limit: number;
  readonly offset?: number;
}

/** Checkpointed state: the live rows in arrival order and the rows downstream holds. */
export interface UpdatingLimitState {
  readonly rows: readonly Json[];
  readonly emitted: readonly Json[];
}

/** LIMIT over a changelog; see the file header. */
export class UpdatingLimitOperator implements Operator<UpdatingLimitState> {
  readonly #offset: number;
  readonly #end: number;
  #rows: Row[] = [];
  #emitted: Row[] = [];

  constructor(spec: UpdatingLimitSpec) {
    invariant(Number.isInteger(spec.limit) && spec.limit >= 0, 'LIMIT must be a non-negative integer');
    this.#offset = spec.offset ?? 0;
    this.#end = this.#offset + spec.limit;
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    let touched = false;
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as Row;
      const kind = batch.kinds[i];
      if (kind === INSERT || kind === UPDATE_AFTER) {
        this.#rows.push(row);
        if (this.#rows.length <= this.#end) touched = true;
        continue;
      }
      const j = this.#rows.findIndex((r) => valuesEqual(r, row));
      if (j < 0) continue;
      this.#rows.splice(j, 1);
      if (j < this.#end) touched = true;
    }
    if (touched) this.#diff(ctx);
  }

  #diff(ctx: OperatorContext): void {
    const next = this.#rows.slice(this.#offset, this.#end);
    for (const old of multisetMinus(this.#emitted, next)) ctx.emit(old, DELETE, Number.NaN);
    for (const row of multisetMinus(next, this.#emitted)) ctx.emit(row, INSERT, Number.NaN);
    this.#emitted = next;
  }

  snapshot(): UpdatingLimitState {
    return { rows: this.#rows.map(encodeRow), emitted: this.#emitted.map(encodeRow) };
  }

  restore(s: UpdatingLimitState): void {
    this.#rows = s.rows.map(decodeRow);
    this.#emitted = s.emitted.map(decodeRow);
  }

  close(): void {
    this.#rows = [];
    this.#emitted = [];
  }
}
