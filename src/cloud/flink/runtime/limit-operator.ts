/**
 * LIMIT n OFFSET m over an insert-only input (updating inputs get stateful/updating-limit-operator.ts;
 * a non-insert row here is a bug). Skips the first m rows, passes n, then declares itself finished so the
 * runner can stop reading and complete the statement.
 */
import { invariant } from '../../../shared/index.js';
import type { Batch } from './batch.js';
import type { Operator, OperatorContext } from './operator.js';
import { INSERT } from './types.js';

/** State: rows seen so far. */
export interface LimitState {
  readonly seen: number;
}

/** LIMIT/OFFSET. */
export class LimitOperator implements Operator<LimitState> {
  readonly #limit: number;
  readonly #offset: number;
  #seen = 0;

  constructor(opts: { readonly limit: number; readonly offset?: number }) {
    invariant(Number.isInteger(opts.limit) && opts.limit >= 0, 'LIMIT must be a non-negative integer');
    this.#limit = opts.limit;
    this.#offset = opts.offset ?? 0;
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const end = this.#offset + this.#limit;
    for (let i = 0; i < batch.size && this.#seen < end; i++) {
      invariant(batch.kinds[i] === INSERT, 'LIMIT without ORDER BY takes an insert-only input');
      if (this.#seen >= this.#offset) ctx.emit(batch.rows[i] as unknown[], INSERT, batch.rowtimes[i] as number);
      this.#seen++;
    }
    if (this.#seen >= end) ctx.finish();
  }

  snapshot(): LimitState { return { seen: this.#seen }; }
  restore(s: LimitState): void { this.#seen = s.seen; }
  close(): void { /* nothing held */ }
}
