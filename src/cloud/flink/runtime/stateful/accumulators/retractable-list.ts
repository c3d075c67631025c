/**
 * An ordered list with retraction, for LISTAGG, ARRAY_AGG and JSON_ARRAYAGG. Retracting removes the
 * earliest equal element; a retraction that finds nothing is remembered and cancels the next equal
 * add (Flink's "retract list"), so out-of-order -U/+I pairs still converge.
 */
import { decodeValue, encodeValue, valueKey, type Json, type KeyId } from '../value-codec.js';

/** Elements in arrival order with pending retractions. */
export class RetractableList {
  #items: unknown[] = [];
  #pending = new Map<KeyId, number>();

  /** The elements in order. */
  get items(): readonly unknown[] { return this.#items; }

  add(v: unknown): void {
    if (this.#pending.size > 0) {
      const k = valueKey(v);
      const n = this.#pending.get(k);
      if (n !== undefined) {
        if (n === 1) this.#pending.delete(k); else this.#pending.set(k, n - 1);
        return;
      }
    }
    this.#items.push(v);
  }

  retract(v: unknown): void {
    const k = valueKey(v);
    const i = this.#items.findIndex((x) => valueKey(x) === k);
    if (i >= 0) { this.#items.splice(i, 1); return; }
    this.#pending.set(k, (this.#pending.get(k) ?? 0) + 1);
  }

  snapshot(): Json {
    const pending: Json[] = [];
    for (const [k, n] of this.#pending) pending.push([encodeValue(k), n]);
    return [this.#items.map(encodeValue), pending];
  }

  restore(s: Json): void {
    const [items, pending] = s as readonly [readonly Json[], readonly (readonly [Json, number])[]];
    this.#items = items.map(decodeValue);
    this.#pending = new Map(pending.map(([k, n]) => [decodeValue(k) as KeyId, n]));
  }
}
