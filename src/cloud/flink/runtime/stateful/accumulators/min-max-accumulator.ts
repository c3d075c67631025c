/**
 * MIN/MAX: with retraction over a sorted multiset; over an insert-only input only the extreme value
 * (Flink's MinWithoutRetract / MaxWithoutRetract). NULLs ignored; NULL when empty.
 */
import { invariant } from '../../../../../shared/index.js';
import type { Comparator } from '../../../types/index.js';
import { decodeValue, encodeValue, valueKey, type Json, type KeyId } from '../value-codec.js';
import { SortedMultiset } from './sorted-multiset.js';
import type { Accumulator } from './types.js';

/** MIN(x) or MAX(x) with retraction. */
export class MinMaxAccumulator implements Accumulator {
  readonly #values: SortedMultiset;
  readonly #max: boolean;

  constructor(cmp: Comparator, max: boolean) {
    this.#values = new SortedMultiset(cmp);
    this.#max = max;
  }

  add(v: unknown): void { if (v !== null) this.#values.add(v); }
  retract(v: unknown): void { if (v !== null) this.#values.remove(v); }
  result(): unknown { return this.#max ? this.#values.last : this.#values.first; }
  snapshot(): Json { return this.#values.snapshot(); }
  restore(s: Json): void { this.#values.restore(s); }
}

/**
 * MIN(x) or MAX(x) over an insert-only input: the extreme value so far. Among values that compare
 * equal it picks what the multiset above would: MAX the first seen; MIN the newest one whose
 * value key had not been seen among them (such ties need composite values, e.g. ROW(-0.0) vs ROW(0.0)).
 */
export class AppendMinMaxAccumulator implements Accumulator {
  readonly #cmp: Comparator;
  readonly #max: boolean;
  #value: unknown = null;
  /** MIN only: value keys of the values seen that compare equal to the current one (once there is a tie). */
  #ties: Set<KeyId> | undefined;

  constructor(cmp: Comparator, max: boolean) {
    this.#cmp = cmp;
    this.#max = max;
  }

  add(v: unknown): void {
    if (v === null) return;
    if (this.#value === null) { this.#value = v; return; }
    const c = this.#cmp(v, this.#value);
    if (this.#max) { if (c > 0) this.#value = v; return; }
    if (c < 0) { this.#value = v; this.#ties = undefined; return; }
    if (c > 0) return;
    this.#ties ??= new Set([valueKey(this.#value)]);
    const k = valueKey(v);
    if (!this.#ties.has(k)) { this.#ties.add(k); this.#value = v; }
  }

  retract(): void { invariant(false, 'a retraction reached MIN/MAX over an insert-only input'); }
  result(): unknown { return this.#value; }
  snapshot(): Json { return this.#ties === undefined ? encodeValue(this.#value) : { value: encodeValue(this.#value), ties: [...this.#ties].map(encodeValue) }; }

  restore(s: Json): void {
    const o = s as { readonly value?: Json; readonly ties?: readonly Json[] } | null;
    if (o !== null && typeof o === 'object' && !Array.isArray(o) && Array.isArray(o.ties)) {
      this.#value = decodeValue(o.value ?? null);
      this.#ties = new Set(o.ties.map((t) => decodeValue(t) as KeyId));
    } else {
      this.#value = decodeValue(s);
      this.#ties = undefined;
    }
  }
}
