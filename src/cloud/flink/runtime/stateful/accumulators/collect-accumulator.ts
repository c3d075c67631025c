/** COLLECT(x): the MULTISET (value → count) of non-null values; an empty multiset when none. */
import { decodeValue, encodeValue, valueKey, type Json, type KeyId } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** COLLECT. */
export class CollectAccumulator implements Accumulator {
  #counts = new Map<KeyId, { value: unknown; count: number }>();

  add(v: unknown): void {
    if (v === null) return;
    const k = valueKey(v);
    const e = this.#counts.get(k);
    if (e === undefined) this.#counts.set(k, { value: v, count: 1 }); else e.count++;
  }

  retract(v: unknown): void {
    if (v === null) return;
    const k = valueKey(v);
    const e = this.#counts.get(k);
    if (e === undefined) return;
    if (e.count <= 1) this.#counts.delete(k); else e.count--;
  }

  result(): unknown {
    const out = new Map<unknown, number>();
    for (const e of this.#counts.values()) out.set(e.value, e.count);
    return out;
  }

  snapshot(): Json { return [...this.#counts.values()].map((e) => [encodeValue(e.value), e.count]); }
  restore(s: Json): void {
    this.#counts = new Map();
    for (const [v, n] of s as readonly (readonly [Json, number])[]) {
      const value = decodeValue(v);
      this.#counts.set(valueKey(value), { value, count: n });
    }
  }
}
