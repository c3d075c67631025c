/**
 * Calc: filter then projection, from compiled closures. Stateless.
 *
 * Update pairs. A -U immediately followed by a +U in the same batch is one update of one row, and
 * the filter may let only one half through. Passing the lone half on with its kind unchanged would
 * tell downstream "update" about a row it never saw (or never sees again), so the pair is rewritten:
 *   both pass      → -U old, +U new   (still an update)
 *   only old passes → -D old           (the row leaves the filtered result)
 *   only new passes → +I new           (the row enters the filtered result)
 *   neither passes → nothing
 * A -U or +U without its partner in the batch keeps its kind: a lone retraction is valid on its
 * own in a retract stream, and an upsert +U is idempotent.
 */
import type { Batch } from './batch.js';
import type { Operator, OperatorContext } from './operator.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type RowPredicate, type RowProjection } from './types.js';

/** What a planner hands to a Calc: either closure may be absent. */
export interface CalcSpec {
  readonly filter?: RowPredicate;
  readonly project?: RowProjection;
}

/** Projection + filter. */
export class CalcOperator implements Operator<null> {
  readonly #filter: RowPredicate | undefined;
  readonly #project: RowProjection | undefined;

  constructor(spec: CalcSpec) {
    this.#filter = spec.filter;
    this.#project = spec.project;
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const filter = this.#filter;
    const project = this.#project;
    const { rows, kinds, rowtimes, size } = batch;
    for (let i = 0; i < size; i++) {
      const row = rows[i] as unknown[];
      const kind = kinds[i] as number;
      if (filter !== undefined && kind === UPDATE_BEFORE && i + 1 < size && kinds[i + 1] === UPDATE_AFTER) {
        const next = rows[i + 1] as unknown[];
        const oldPasses = filter(row) === true;
        const newPasses = filter(next) === true;
        if (oldPasses) ctx.emit(project === undefined ? row : project(row), newPasses ? UPDATE_BEFORE : DELETE, rowtimes[i] as number);
        if (newPasses) ctx.emit(project === undefined ? next : project(next), oldPasses ? UPDATE_AFTER : INSERT, rowtimes[i + 1] as number);
        i++;
        continue;
      }
      if (filter !== undefined && filter(row) !== true) continue;
      ctx.emit(project === undefined ? row : project(row), kind, rowtimes[i] as number);
    }
  }

  snapshot(): null { return null; }
  restore(): void { /* stateless */ }
  close(): void { /* nothing held */ }
}
