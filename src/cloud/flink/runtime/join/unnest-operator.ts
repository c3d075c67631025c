/**
 * UNNEST as a correlated join: `CROSS JOIN UNNEST(t.c) [WITH ORDINALITY]` and
 * `LEFT JOIN LATERAL UNNEST(t.c) ON TRUE`. Each input row produces one output row per element —
 * ARRAY elements in order (an ARRAY<ROW> spreads the row's fields), MAP entries as (key, value),
 * MULTISET elements repeated by their count — appended to the input row, plus the 1-based ordinality
 * when asked. Stateless: every produced row keeps the input row's kind and rowtime, so a retraction
 * of the input retracts exactly the rows it produced (the collection value travels with the row).
 * A NULL or empty collection produces nothing, or, when outer, the row padded with NULLs.
 */
import { assertNever } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import type { Row } from '../types.js';
import type { UnnestSpec } from './types.js';

/** The unnest operator. */
export class UnnestOperator implements Operator<null> {
  readonly #spec: UnnestSpec;
  readonly #width: number;

  constructor(spec: UnnestSpec) {
    this.#spec = spec;
    const cols = spec.type === 'MAP' ? 2 : spec.rowFields ?? 1;
    this.#width = cols + (spec.withOrdinality === true ? 1 : 0);
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const { collection, withOrdinality, outer, rowFields } = this.#spec;
    const ord = withOrdinality === true;
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as Row;
      const kind = batch.kinds[i] as number;
      const time = batch.rowtimes[i] as number;
      let n = 0;
      for (const cols of this.#elements(collection(row))) {
        n++;
        const spread = rowFields !== undefined ? (cols[0] === null ? new Array<unknown>(rowFields).fill(null) : cols[0] as unknown[]) : cols;
        ctx.emit(ord ? [...row, ...spread, n] : [...row, ...spread], kind, time);
      }
      if (n === 0 && outer === true) ctx.emit([...row, ...new Array<unknown>(this.#width).fill(null)], kind, time);
    }
  }

  snapshot(): null { return null; }
  restore(): void { /* stateless */ }
  close(): void { /* nothing held */ }

  *#elements(v: unknown): IterableIterator<unknown[]> {
    if (v === null || v === undefined) return;
    switch (this.#spec.type) {
      case 'ARRAY': for (const e of v as unknown[]) yield [e]; return;
      case 'MAP': for (const [k, x] of v as Map<unknown, unknown>) yield [k, x]; return;
      case 'MULTISET': for (const [e, count] of v as Map<unknown, number>) for (let j = 0; j < count; j++) yield [e]; return;
      default: assertNever(this.#spec.type, 'unnest collection type');
    }
  }
}
