/**
 * A multiset of non-null values kept as a sorted array of distinct values plus a count per value:
 * what MIN/MAX need to survive retracting the current minimum or maximum.
 */
import type { Comparator } from '../../../types/index.js';
import { decodeValue, encodeValue, valueKey, type Json, type KeyId } from '../value-codec.js';

/** Sorted distinct values with multiplicities. */
export class SortedMultiset {
  readonly #cmp: Comparator;
  #sorted: unknown[] = [];
  #counts = new Map<KeyId, number>();

  constructor(cmp: Comparator) { this.#cmp = cmp; }

  /** Number of distinct values. */
  get distinct(): number { return this.#sorted.length; }
  /** The smallest value, or null when empty. */
  get first(): unknown { return this.#sorted.length === 0 ? null : this.#sorted[0]; }
  /** The largest value, or null when empty. */
  get last(): unknown { return this.#sorted.length === 0 ? null : this.#sorted[this.#sorted.length - 1]; }

  /** Adds one occurrence. */
  add(v: unknown): void {
    const k = valueKey(v);
    const n = this.#counts.get(k);
    if (n !== undefined) { this.#counts.set(k, n + 1); return; }
    this.#counts.set(k, 1);
    this.#sorted.splice(this.#search(v), 0, v);
  }

  /** Removes one occurrence (no-op when absent: state may have been expired). */
  remove(v: unknown): void {
    const k = valueKey(v);
    const n = this.#counts.get(k);
    if (n === undefined) return;
    if (n > 1) { this.#counts.set(k, n - 1); return; }
    this.#counts.delete(k);
    const i = this.#search(v);
    if (i < this.#sorted.length && this.#cmp(this.#sorted[i], v) === 0) this.#sorted.splice(i, 1);
  }

  /** First index whose value is ≥ v. */
  #search(v: unknown): number {
    let lo = 0;
    let hi = this.#sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#cmp(this.#sorted[mid], v) < 0) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  snapshot(): Json {
    return this.#sorted.map((v) => [encodeValue(v), this.#counts.get(valueKey(v)) ?? 0]);
  }

  restore(s: Json): void {
    this.#sorted = [];
    this.#counts = new Map();
    for (const [v, n] of s as readonly (readonly [Json, number])[]) {
      const value = decodeValue(v);
      this.#sorted.push(value);
      this.#counts.set(valueKey(value), n);
    }
  }
}
