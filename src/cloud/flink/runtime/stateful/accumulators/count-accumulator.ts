/** COUNT(*) counts rows; COUNT(x) counts non-null values. BIGINT, never NULL. */
import type { Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** COUNT(*) when `star`, else COUNT(x). */
export class CountAccumulator implements Accumulator {
  readonly #star: boolean;
  #count = 0;

  constructor(star: boolean) { this.#star = star; }

  add(v: unknown): void { if (this.#star || v !== null) this.#count++; }
  retract(v: unknown): void { if (this.#star || v !== null) this.#count--; }
  result(): unknown { return BigInt(this.#count); }
  snapshot(): Json { return this.#count; }
  restore(s: Json): void { this.#count = s as number; }
}
