/**
 * A map from key tuples (fixed arity per map) to values, one Map level per key column: a lookup
 * builds no composite key string, which the per-row hot path of keyed operators would otherwise
 * allocate and hash. Columns are keyed by `valueKey`, so two tuples are the same key exactly when
 * `tupleKey` gives them the same id. Iteration order is by first column, then second, and so on.
 */
import { valueKey, type KeyId } from './value-codec.js';

type Level = Map<KeyId, unknown>;

/** Tuple-keyed map; see the file header. */
export class TupleMap<T> {
  #root: Level = new Map();
  #size = 0;
  /** Levels below the root (arity − 1, at least 0), known from the first `set`. */
  #depth = 0;

  get size(): number { return this.#size; }

  get(key: readonly unknown[]): T | undefined {
    const last = key.length - 1;
    if (last <= 0) return this.#root.get(last < 0 ? '' : valueKey(key[0])) as T | undefined;
    let m = this.#root;
    for (let i = 0; i < last; i++) {
      const next = m.get(valueKey(key[i])) as Level | undefined;
      if (next === undefined) return undefined;
      m = next;
    }
    return m.get(valueKey(key[last])) as T | undefined;
  }

  set(key: readonly unknown[], value: T): void {
    const last = key.length - 1;
    if (this.#size === 0) this.#depth = Math.max(0, last);
    let m = this.#root;
    for (let i = 0; i < last; i++) {
      const k = valueKey(key[i]);
      let next = m.get(k) as Level | undefined;
      if (next === undefined) { next = new Map(); m.set(k, next); }
      m = next;
    }
    const k = last < 0 ? '' : valueKey(key[last]);
    if (!m.has(k)) this.#size++;
    m.set(k, value);
  }

  delete(key: readonly unknown[]): boolean {
    const last = key.length - 1;
    const path: Level[] = [];
    let m = this.#root;
    for (let i = 0; i < last; i++) {
      const next = m.get(valueKey(key[i])) as Level | undefined;
      if (next === undefined) return false;
      path.push(m);
      m = next;
    }
    if (!m.delete(last < 0 ? '' : valueKey(key[last]))) return false;
    this.#size--;
    // Drop levels left empty, innermost first.
    for (let i = last - 1; i >= 0 && m.size === 0; i--) {
      const parent = path[i] as Level;
      parent.delete(valueKey(key[i]));
      m = parent;
    }
    return true;
  }

  clear(): void { this.#root = new Map(); this.#size = 0; }

  /** Every value, by first column, then second, … */
  values(): T[] {
    const out: T[] = [];
    const walk = (m: Level, depth: number): void => {
      for (const v of m.values()) {
        if (depth === 0) out.push(v as T); else walk(v as Level, depth - 1);
      }
    };
    if (this.#size > 0) walk(this.#root, this.#depth);
    return out;
  }
}
