/**
 * The aggregate calls of one operator, compiled once: creates a group's accumulator slots and feeds
 * a row to all of them, applying each call's FILTER (only `true` passes) and argument extractor.
 *
 * A group's state is one flat array, one slot per call (`AccState`). COUNT keeps its count as a
 * plain number in its slot (no object per group); every other call keeps its Accumulator there.
 * Snapshots are the same JSON as each call's own accumulator gives (COUNT: its count), so state
 * checkpointed before this layout restores unchanged.
 */
import type { Row } from '../../types.js';
import type { AggregateCall } from '../types.js';
import type { Json } from '../value-codec.js';
import { accumulatorFactory } from './create-accumulator.js';
import type { Accumulator } from './types.js';

/** One group's accumulator slots: numbers (COUNT) or Accumulators; opaque to operators. */
export type AccState = unknown[];

/** Stateless helpers over a group's accumulator slots. */
export interface CompiledAggregates {
  /** Number of aggregate calls. */
  readonly size: number;
  /** Fresh slots, one per call. */
  create(): AccState;
  /** Adds (`retract` false) or retracts a row into every call's slot. */
  apply(accs: AccState, row: Row, retract: boolean): void;
  /** Current results, one per call. */
  results(accs: AccState): unknown[];
  /** Writes the current results into `out` from index `at` (no array of its own). */
  resultsInto(accs: AccState, out: unknown[], at: number): void;
  /** JSON-safe state of a group's slots. */
  snapshot(accs: AccState): Json;
  /** Slots rebuilt from `snapshot`. */
  restore(state: Json): AccState;
}

/** How a slot is kept: 0 an Accumulator object, 1 COUNT(*), 2 COUNT(x) (non-null values only). */
const OBJECT = 0;
const COUNT_STAR = 1;
const COUNT_ARG = 2;

/** Compiles the calls of one operator; `insertOnly`: its input never retracts (cheaper MIN/MAX). */
export function compileAggregates(calls: readonly AggregateCall[], insertOnly = false): CompiledAggregates {
  const n = calls.length;
  const args = calls.map((c) => c.arg);
  const filters = calls.map((c) => c.filter);
  const modes = calls.map((c) => (c.fn !== 'COUNT' || c.distinct === true ? OBJECT : c.arg === undefined ? COUNT_STAR : COUNT_ARG));
  const factories = calls.map((c, i) => (modes[i] === OBJECT ? accumulatorFactory(c, insertOnly) : undefined));
  const create = (): AccState => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const f = factories[i];
      out[i] = f === undefined ? 0 : f();
    }
    return out;
  };
  const resultsInto = (accs: AccState, out: unknown[], at: number): void => {
    for (let i = 0; i < n; i++) {
      const s = accs[i];
      out[at + i] = typeof s === 'number' ? BigInt(s) : (s as Accumulator).result();
    }
  };
  return {
    size: n,
    create,
    apply(accs, row, retract) {
      for (let i = 0; i < n; i++) {
        const f = filters[i];
        if (f !== undefined && f(row) !== true) continue;
        const mode = modes[i];
        if (mode === COUNT_STAR) { accs[i] = (accs[i] as number) + (retract ? -1 : 1); continue; }
        const a = args[i];
        const v = a === undefined ? null : a(row);
        if (mode === COUNT_ARG) { if (v !== null) accs[i] = (accs[i] as number) + (retract ? -1 : 1); continue; }
        const acc = accs[i] as Accumulator;
        if (retract) acc.retract(v); else acc.add(v);
      }
    },
    results(accs) {
      const out = new Array<unknown>(n);
      resultsInto(accs, out, 0);
      return out;
    },
    resultsInto,
    snapshot(accs) { return accs.map((s) => (typeof s === 'number' ? s : (s as Accumulator).snapshot())); },
    restore(state) {
      const accs = create();
      const parts = state as readonly Json[];
      for (let i = 0; i < n; i++) {
        if (modes[i] === OBJECT) (accs[i] as Accumulator).restore(parts[i] ?? null);
        else accs[i] = (parts[i] ?? 0) as number;
      }
      return accs;
    },
  };
}
