/**
 * LAG(x, offset, default) as Flink's streaming OVER aggregation computes it: an append-only
 * aggregate over the frame that remembers the last `offset + 1` values (NULLs included); the result
 * is the value `offset` rows before the newest, or the newest row's `default` (NULL without one)
 * while fewer rows were added; with a default the argument is the pair `[x, default]`. In a RANGE
 * frame the peers of one rowtime are all added before the result is read, so they share it. Flink
 * refuses LAG where the frame retracts ("LAG Function with retraction is not supported in stream
 * mode."); the binder does too, so `retract` is an internal error.
 */
import { InternalError } from '../../../../../shared/index.js';
import { decodeValue, encodeValue, type Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** LAG(x, offset, default). */
export class LagAccumulator implements Accumulator {
  readonly #offset: number;
  readonly #pairs: boolean;
  #default: unknown = null;
  /** The last offset + 1 values, oldest first. */
  #values: unknown[] = [];

  constructor(offset: number, withDefault: boolean) {
    this.#offset = offset;
    this.#pairs = withDefault;
  }

  add(v: unknown): void {
    if (this.#pairs) {
      const [x, d] = v as readonly [unknown, unknown];
      this.#default = d;
      this.#values.push(x);
    } else {
      this.#values.push(v);
    }
    if (this.#values.length > this.#offset + 1) this.#values.shift();
  }

  retract(_v: unknown): void {
    throw new InternalError('LAG Function with retraction is not supported in stream mode.');
  }

  result(): unknown {
    const n = this.#values.length;
    return n > this.#offset ? this.#values[n - 1 - this.#offset] : this.#default;
  }

  snapshot(): Json { return [this.#values.map(encodeValue), encodeValue(this.#default)]; }
  restore(s: Json): void {
    const [values, d] = s as readonly [readonly Json[], Json];
    this.#values = values.map(decodeValue);
    this.#default = decodeValue(d);
  }
}
