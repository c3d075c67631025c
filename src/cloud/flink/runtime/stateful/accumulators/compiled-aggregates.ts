/**
 * The aggregate calls of one operator, compiled once: creates a group's accumulators and feeds a
 * row to all of them, applying each call's FILTER (only `true` passes) and argument extractor.
 */
import type { Row } from '../../types.js';
import type { AggregateCall } from '../types.js';
import type { Json } from '../value-codec.js';
import { accumulatorFactory } from './create-accumulator.js';
import type { Accumulator } from './types.js';

/** Stateless helpers over a group's accumulator array. */
export interface CompiledAggregates {
  /** Number of aggregate calls. */
  readonly size: number;
  /** Fresh accumulators, one per call. */
  create(): Accumulator[];
  /** Adds (`retract` false) or retracts a row into every call's accumulator. */
  apply(accs: readonly Accumulator[], row: Row, retract: boolean): void;
  /** Current results, one per call. */
  results(accs: readonly Accumulator[]): unknown[];
  /** JSON-safe state of a group's accumulators. */
  snapshot(accs: readonly Accumulator[]): Json;
  /** Accumulators rebuilt from `snapshot`. */
  restore(state: Json): Accumulator[];
}

/** Compiles the calls of one operator; `insertOnly`: its input never retracts (cheaper MIN/MAX). */
export function compileAggregates(calls: readonly AggregateCall[], insertOnly = false): CompiledAggregates {
  const n = calls.length;
  const args = calls.map((c) => c.arg);
  const filters = calls.map((c) => c.filter);
  const factories = calls.map((c) => accumulatorFactory(c, insertOnly));
  const create = (): Accumulator[] => {
    const out = new Array<Accumulator>(n);
    for (let i = 0; i < n; i++) out[i] = (factories[i] as () => Accumulator)();
    return out;
  };
  return {
    size: n,
    create,
    apply(accs, row, retract) {
      for (let i = 0; i < n; i++) {
        const f = filters[i];
        if (f !== undefined && f(row) !== true) continue;
        const a = args[i];
        const v = a === undefined ? null : a(row);
        const acc = accs[i] as Accumulator;
        if (retract) acc.retract(v); else acc.add(v);
      }
    },
    results(accs) {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = (accs[i] as Accumulator).result();
      return out;
    },
    snapshot(accs) { return accs.map((a) => a.snapshot()); },
    restore(state) {
      const accs = create();
      const parts = state as readonly Json[];
      for (let i = 0; i < n; i++) (accs[i] as Accumulator).restore(parts[i] ?? null);
      return accs;
    },
  };
}
