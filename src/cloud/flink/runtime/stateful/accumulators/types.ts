/** The accumulator contract shared by every aggregate function. */
import type { Json } from '../value-codec.js';

/**
 * The running state of one aggregate function for one group. `add`/`retract` take the argument's
 * value (NULL included: each function applies its own NULL rule); `result()` is the SQL result in
 * the runtime value representation. Retraction of a value never added is tolerated where Flink
 * tolerates it (list-like functions remember it and cancel a later add).
 */
export interface Accumulator {
  add(value: unknown): void;
  retract(value: unknown): void;
  result(): unknown;
  /** JSON-safe state. */
  snapshot(): Json;
  /** Reinstates `snapshot()` output of an accumulator built from the same call. */
  restore(state: Json): void;
}
