/**
 * Processing-time temporal join / lookup join: each probe row (input 0) is joined, on arrival, with
 * the latest row of its key in the table fed on input 1 (an upsert/retract changelog: +I/+U set the
 * key's row, -U/-D remove it). Later table changes do not revise earlier results, so the output has
 * the probe's row kinds and rowtimes. LEFT pads probes whose key has no row.
 */
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { decodeRow, encodeRow, type Json } from '../stateful/value-codec.js';
import { INSERT, UPDATE_AFTER, type Row } from '../types.js';
import type { LookupJoinSpec } from './types.js';

/** Checkpointed state: the table's current rows. */
export interface LookupJoinState {
  readonly table: readonly Json[];
}

/** The processing-time temporal (lookup) join operator. */
export class LookupJoinOperator implements Operator<LookupJoinState> {
  readonly #spec: LookupJoinSpec;
  #table = new Map<unknown, Row>();

  constructor(spec: LookupJoinSpec) {
    this.#spec = spec;
  }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    const { left, right, residual } = this.#spec;
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as Row;
      const kind = batch.kinds[i] as number;
      if (input === 1) {
        const key = right.key(row);
        if (key === null || key === undefined) continue;
        if (kind === INSERT || kind === UPDATE_AFTER) this.#table.set(key, row); else this.#table.delete(key);
        continue;
      }
      const key = left.key(row);
      const found = key === null || key === undefined ? undefined : this.#table.get(key);
      if (found !== undefined && (residual === undefined || residual(row, found) === true)) {
        ctx.emit([...row, ...found], kind, batch.rowtimes[i] as number);
      } else if (this.#spec.kind === 'LEFT') {
        ctx.emit([...row, ...new Array<unknown>(right.arity).fill(null)], kind, batch.rowtimes[i] as number);
      }
    }
  }

  /** The probes ended: nothing more to join (the table's input may be unbounded), like Flink's lookup join. */
  onInputEnd(input: number, ctx: OperatorContext): void {
    if (input === 0) ctx.finish();
  }

  snapshot(): LookupJoinState {
    return { table: [...this.#table.values()].map(encodeRow) };
  }

  restore(s: LookupJoinState): void {
    this.#table = new Map();
    for (const j of s.table) {
      const r = decodeRow(j);
      this.#table.set(this.#spec.right.key(r), r);
    }
  }

  close(): void { /* nothing held outside the heap */ }
}
