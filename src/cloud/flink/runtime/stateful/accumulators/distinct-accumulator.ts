/**
 * `fn(DISTINCT x)`: counts each value's occurrences and forwards only the first add and the last
 * retract of a value to the wrapped accumulator. NULLs are forwarded as they come (every function
 * ignores them, except ARRAY_AGG RESPECT NULLS, for which one NULL is one distinct value).
 */
import { decodeValue, encodeValue, valueKey, type Json, type KeyId } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** DISTINCT wrapper. */
export class DistinctAccumulator implements Accumulator {
  readonly #inner: Accumulator;
  #counts = new Map<KeyId, { value: unknown; count: number }>();

  constructor(inner: Accumulator) { this.#inner = inner; }

  add(v: unknown): void {
    const k = valueKey(v);
    const e = this.#counts.get(k);
    if (e !== undefined) { e.count++; return; }
    this.#counts.set(k, { value: v, count: 1 });
    this.#inner.add(v);
  }

  retract(v: unknown): void {
    const k = valueKey(v);
    const e = this.#counts.get(k);
    if (e === undefined) return;
    if (e.count > 1) { e.count--; return; }
    this.#counts.delete(k);
    this.#inner.retract(v);
  }

  result(): unknown { return this.#inner.result(); }

  snapshot(): Json {
    return [[...this.#counts.values()].map((e) => [encodeValue(e.value), e.count]), this.#inner.snapshot()];
  }

  restore(s: Json): void {
    const [counts, inner] = s as readonly [readonly (readonly [Json, number])[], Json];
    this.#counts = new Map();
    for (const [v, n] of counts) {
      const value = decodeValue(v);
      this.#counts.set(valueKey(value), { value, count: n });
    }
    this.#inner.restore(inner);
  }
}
