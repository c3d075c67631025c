/**
 * JSON_OBJECTAGG(KEY k VALUE v [NULL|ABSENT ON NULL]): a JSON object text of key → value. NULL ON
 * NULL is the default. A key added twice fails the statement, as in Flink; a NULL key too. Keys are
 * printed sorted so the text does not depend on arrival order. '{}' when empty.
 */
import { SqlRuntimeError } from '../../../types/index.js';
import type { Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** JSON_OBJECTAGG; the argument is `[key, value]`. */
export class JsonObjectAggAccumulator implements Accumulator {
  readonly #toJson: (v: unknown) => string;
  readonly #absentOnNull: boolean;
  #entries = new Map<string, string>();

  constructor(toJson: (v: unknown) => string, absentOnNull = false) {
    this.#toJson = toJson;
    this.#absentOnNull = absentOnNull;
  }

  add(arg: unknown): void {
    const [k, v] = arg as readonly [unknown, unknown];
    if (k === null || k === undefined) throw new SqlRuntimeError('invalid-argument', 'JSON_OBJECTAGG: the key must not be NULL.');
    if (v === null && this.#absentOnNull) return;
    const key = String(k);
    if (this.#entries.has(key)) throw new SqlRuntimeError('invalid-argument', `JSON_OBJECTAGG: key '${key}' is already present.`);
    this.#entries.set(key, this.#toJson(v));
  }

  retract(arg: unknown): void {
    const [k] = arg as readonly [unknown, unknown];
    if (k !== null && k !== undefined) this.#entries.delete(String(k));
  }

  result(): unknown {
    const keys = [...this.#entries.keys()].sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${this.#entries.get(k) ?? 'null'}`).join(',')}}`;
  }

  snapshot(): Json { return [...this.#entries]; }
  restore(s: Json): void { this.#entries = new Map(s as readonly (readonly [string, string])[]); }
}
