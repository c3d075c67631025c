/**
 * FIRST_VALUE/LAST_VALUE with retraction: the non-null values in arrival order. Retracting a value
 * removes its earliest occurrence (as Flink's *WithRetract variants do), so the first or last
 * remaining value takes over. NULL when none remain.
 */
import { decodeValue, encodeValue, valueKey, type Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** FIRST_VALUE(x) when `last` is false, else LAST_VALUE(x). */
export class FirstLastValueAccumulator implements Accumulator {
  readonly #last: boolean;
  #values: unknown[] = [];

  constructor(last: boolean) { this.#last = last; }

  add(v: unknown): void { if (v !== null) this.#values.push(v); }

  retract(v: unknown): void {
    if (v === null) return;
    const k = valueKey(v);
    const i = this.#values.findIndex((x) => valueKey(x) === k);
    if (i >= 0) this.#values.splice(i, 1);
  }

  result(): unknown {
    const n = this.#values.length;
    if (n === 0) return null;
    return this.#last ? this.#values[n - 1] : this.#values[0];
  }

  snapshot(): Json { return this.#values.map(encodeValue); }
  restore(s: Json): void { this.#values = (s as readonly Json[]).map(decodeValue); }
}
