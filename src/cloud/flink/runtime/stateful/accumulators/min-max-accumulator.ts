/** MIN/MAX with retraction over a sorted multiset; NULLs ignored; NULL when empty. */
import { compileComparator, type LogicalType } from '../../../types/index.js';
import type { Json } from '../value-codec.js';
import { SortedMultiset } from './sorted-multiset.js';
import type { Accumulator } from './types.js';

/** MIN(x) or MAX(x). */
export class MinMaxAccumulator implements Accumulator {
  readonly #values: SortedMultiset;
  readonly #max: boolean;

  constructor(argType: LogicalType, max: boolean) {
    this.#values = new SortedMultiset(compileComparator(argType));
    this.#max = max;
  }

  add(v: unknown): void { if (v !== null) this.#values.add(v); }
  retract(v: unknown): void { if (v !== null) this.#values.remove(v); }
  result(): unknown { return this.#max ? this.#values.last : this.#values.first; }
  snapshot(): Json { return this.#values.snapshot(); }
  restore(s: Json): void { this.#values.restore(s); }
}
