/**
 * The order-keeping aggregates over a retractable list:
 * - LISTAGG(x [, sep]): non-null strings joined by the separator (default ','); NULL when empty.
 * - ARRAY_AGG(x [RESPECT|IGNORE NULLS]): an ARRAY in arrival order, NULLs kept unless ignored;
 *   NULL when empty.
 * - JSON_ARRAYAGG(x [ABSENT|NULL ON NULL]): JSON array text, NULLs absent by default; '[]' when empty.
 */
import type { Json } from '../value-codec.js';
import { RetractableList } from './retractable-list.js';
import type { Accumulator } from './types.js';

/** LISTAGG. */
export class ListAggAccumulator implements Accumulator {
  readonly #sep: string;
  readonly #list = new RetractableList();

  constructor(separator = ',') { this.#sep = separator; }

  add(v: unknown): void { if (v !== null) this.#list.add(v); }
  retract(v: unknown): void { if (v !== null) this.#list.retract(v); }
  result(): unknown { return this.#list.items.length === 0 ? null : this.#list.items.join(this.#sep); }
  snapshot(): Json { return this.#list.snapshot(); }
  restore(s: Json): void { this.#list.restore(s); }
}

/** ARRAY_AGG. */
export class ArrayAggAccumulator implements Accumulator {
  readonly #ignoreNulls: boolean;
  readonly #list = new RetractableList();

  constructor(ignoreNulls = false) { this.#ignoreNulls = ignoreNulls; }

  add(v: unknown): void { if (v !== null || !this.#ignoreNulls) this.#list.add(v); }
  retract(v: unknown): void { if (v !== null || !this.#ignoreNulls) this.#list.retract(v); }
  result(): unknown { return this.#list.items.length === 0 ? null : [...this.#list.items]; }
  snapshot(): Json { return this.#list.snapshot(); }
  restore(s: Json): void { this.#list.restore(s); }
}

/** JSON_ARRAYAGG; `toJson` renders one value (NULL as 'null'). */
export class JsonArrayAggAccumulator implements Accumulator {
  readonly #toJson: (v: unknown) => string;
  readonly #nullOnNull: boolean;
  readonly #list = new RetractableList();

  constructor(toJson: (v: unknown) => string, nullOnNull = false) {
    this.#toJson = toJson;
    this.#nullOnNull = nullOnNull;
  }

  add(v: unknown): void { if (v !== null || this.#nullOnNull) this.#list.add(this.#toJson(v)); }
  retract(v: unknown): void { if (v !== null || this.#nullOnNull) this.#list.retract(this.#toJson(v)); }
  result(): unknown { return `[${this.#list.items.join(',')}]`; }
  snapshot(): Json { return this.#list.snapshot(); }
  restore(s: Json): void { this.#list.restore(s); }
}
