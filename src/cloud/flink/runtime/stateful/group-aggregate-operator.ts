/**
 * Unbounded GROUP BY (with HAVING, global aggregation, GROUPING SETS / ROLLUP / CUBE and state TTL)
 * over an insert-only or updating input. Output rows are `[...key, groupingId?, ...aggregates]`
 * (the GROUPING id only with grouping sets); they carry no rowtime.
 *
 * Changelog: +I for a group's first visible result, -U/+U when it changes (nothing when equal),
 * -D when the group's row count drops to zero. +I/+U input rows add to a group, -U/-D retract; a
 * retraction for a group without state (never seen, or expired) is ignored, as in Flink.
 *
 * HAVING filters result rows with retraction kept correct: a group whose row starts passing emits
 * +I, one that stops passing emits -D of the row downstream last saw (same rewrite as the Calc's
 * update pair), so COUNT(*) going 10 → 11 under `COUNT(*) % 10 = 0` retracts the row with -D.
 *
 * Mini-batch (default): a whole input batch is folded first, then each touched group emits at most
 * one change (in first-touch order), comparing against what it emitted before the batch. This is
 * Flink's mini-batch aggregation (table.exec.mini-batch.*): fewer intermediate updates than
 * per-record processing, same final table after folding the changelog. `miniBatch: false` emits
 * after every input row instead, like Flink without mini-batch.
 *
 * State TTL (`sql.state-ttl`): a group untouched for longer than the TTL in processing time (the
 * injected clock) is expired lazily — when next touched it starts over as new (+I again; its old
 * row is not retracted, as in Flink) — and purged without output at each checkpoint barrier.
 * Unlike Flink with TTL on, an unchanged result still emits nothing.
 */
import type { Clock } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowPredicate } from '../types.js';
import { compileAggregates, type AccState, type CompiledAggregates } from './accumulators/index.js';
import type { AggregateCall, GroupingSet, KeyExtractor } from './types.js';
import { decodeRow, entriesOf, rowText, valuesEqual, type Json } from './value-codec.js';
import { TupleMap } from './tuple-map.js';

/** What a planner hands to a group aggregate. */
export interface GroupAggregateSpec {
  /** The GROUP BY key; absent for a global aggregation. Ignored when `groupingSets` is given. */
  readonly key?: KeyExtractor;
  /** GROUPING SETS / ROLLUP / CUBE: every input row feeds every set. */
  readonly groupingSets?: readonly GroupingSet[];
  readonly aggregates: readonly AggregateCall[];
  /** HAVING over the output row. */
  readonly having?: RowPredicate;
  /** `sql.state-ttl` in milliseconds; absent or 0 keeps state forever. */
  readonly stateTtlMs?: number;
  /** Processing-time clock for the TTL. */
  readonly clock?: Clock;
  /** Fold each input batch before emitting (default true); false emits per input row. */
  readonly miniBatch?: boolean;
  /** The input is insert-only (never retracts): MIN/MAX keep only the extreme value. */
  readonly insertOnly?: boolean;
}

/** One group in a snapshot: [key, rowCount, accumulators, emitted, lastAccess]. */
type GroupEntry = readonly [Json, number, Json, Json, number];

/** Checkpointed state: per grouping set, the groups as `GroupEntry`s, each as its JSON text (see `entriesOf`). */
export interface GroupAggregateState {
  readonly sets: readonly (readonly (string | GroupEntry)[])[];
}

interface Group {
  readonly key: unknown[];
  /** The group's set (for emitting after a batch without a tuple per group). */
  readonly set: GroupingRuntime;
  accs: AccState;
  count: number;
  /** The row downstream currently holds for this group (null: none, e.g. filtered by HAVING). */
  emitted: Row | null;
  access: number;
  epoch: number;
  /** The group's snapshot text while it is unchanged (cleared when touched). */
  text: string | undefined;
}

interface GroupingRuntime {
  readonly key: KeyExtractor;
  readonly groupingId: number | undefined;
  readonly groups: TupleMap<Group>;
}

const NO_KEY: KeyExtractor = () => [];

/** GROUP BY aggregation; see the file header. */
export class GroupAggregateOperator implements Operator<GroupAggregateState> {
  readonly #aggs: CompiledAggregates;
  readonly #having: RowPredicate | undefined;
  readonly #ttl: number;
  readonly #clock: Clock | undefined;
  readonly #sets: GroupingRuntime[];
  readonly #miniBatch: boolean;
  #epoch = 0;

  constructor(spec: GroupAggregateSpec) {
    this.#aggs = compileAggregates(spec.aggregates, spec.insertOnly ?? false);
    this.#having = spec.having;
    this.#ttl = spec.stateTtlMs ?? 0;
    this.#clock = spec.clock;
    this.#miniBatch = spec.miniBatch ?? true;
    this.#sets = spec.groupingSets !== undefined
      ? spec.groupingSets.map((g) => ({ key: g.key, groupingId: g.groupingId, groups: new TupleMap<Group>() }))
      : [{ key: spec.key ?? NO_KEY, groupingId: undefined, groups: new TupleMap<Group>() }];
  }

  /** Number of groups held (all grouping sets). */
  get groupCount(): number { return this.#sets.reduce((n, s) => n + s.groups.size, 0); }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    if (this.#miniBatch) { this.#fold(batch, 0, batch.size, ctx); return; }
    for (let i = 0; i < batch.size; i++) this.#fold(batch, i, i + 1, ctx);
  }

  /** Folds rows `from..to-1` of a batch, then emits one change per touched group. */
  #fold(batch: Batch, from: number, to: number, ctx: OperatorContext): void {
    const epoch = ++this.#epoch;
    const now = this.#ttl > 0 && this.#clock !== undefined ? this.#clock.now() : 0;
    const ttl = this.#ttl;
    const aggs = this.#aggs;
    const dirty: Group[] = [];
    const { rows, kinds } = batch;
    for (let i = from; i < to; i++) {
      const row = rows[i] as Row;
      const kind = kinds[i];
      const add = kind === INSERT || kind === UPDATE_AFTER;
      for (const set of this.#sets) {
        const key = set.key(row);
        let g = set.groups.get(key);
        if (g !== undefined && ttl > 0 && g.epoch !== epoch && now - g.access > ttl) {
          set.groups.delete(key);
          g = undefined;
        }
        if (g === undefined) {
          if (!add) continue;
          g = { key, set, accs: aggs.create(), count: 0, emitted: null, access: now, epoch: 0, text: undefined };
          set.groups.set(key, g);
        }
        if (g.epoch !== epoch) { g.epoch = epoch; g.text = undefined; dirty.push(g); }
        g.access = now;
        g.count += add ? 1 : -1;
        aggs.apply(g.accs, row, !add);
      }
    }
    for (let i = 0; i < dirty.length; i++) this.#finish(dirty[i] as Group, ctx);
  }

  /** Emits the one change a touched group owes downstream after a batch. */
  #finish(g: Group, ctx: OperatorContext): void {
    const prev = g.emitted;
    const set = g.set;
    if (g.count <= 0) {
      if (prev !== null) ctx.emit(prev, DELETE, Number.NaN);
      set.groups.delete(g.key);
      return;
    }
    // One output array: key, grouping id, results written in place.
    const key = g.key;
    const k = key.length;
    const gid = set.groupingId;
    const at = gid === undefined ? k : k + 1;
    const out = new Array<unknown>(at + this.#aggs.size);
    for (let i = 0; i < k; i++) out[i] = key[i];
    if (gid !== undefined) out[k] = gid;
    this.#aggs.resultsInto(g.accs, out, at);
    const passes = this.#having === undefined || this.#having(out) === true;
    if (!passes) {
      // The row stops (or keeps not) matching HAVING: downstream must forget what it holds.
      if (prev !== null) ctx.emit(prev, DELETE, Number.NaN);
      g.emitted = null;
      return;
    }
    if (prev === null) {
      ctx.emit(out, INSERT, Number.NaN);
    } else if (!valuesEqual(prev, out)) {
      ctx.emit(prev, UPDATE_BEFORE, Number.NaN);
      ctx.emit(out, UPDATE_AFTER, Number.NaN);
    } else {
      return;
    }
    g.emitted = out;
  }

  /** Purges expired groups (no output: expiry is silent in Flink too). */
  onBarrier(): void {
    if (this.#ttl <= 0 || this.#clock === undefined) return;
    const now = this.#clock.now();
    for (const set of this.#sets) {
      for (const g of set.groups.values()) if (now - g.access > this.#ttl) set.groups.delete(g.key);
    }
  }

  snapshot(): GroupAggregateState {
    return {
      sets: this.#sets.map((s) => {
        const parts: string[] = [];
        for (const g of s.groups.values()) {
          g.text ??= `[${rowText(g.key)},${g.count},${JSON.stringify(this.#aggs.snapshot(g.accs))},${g.emitted === null ? 'null' : rowText(g.emitted)},${g.access}]`;
          parts.push(g.text);
        }
        return parts;
      }),
    };
  }

  restore(state: GroupAggregateState): void {
    this.#sets.forEach((s, i) => {
      s.groups.clear();
      for (const [k, count, accs, emitted, access] of entriesOf<GroupEntry>(state.sets[i] ?? [])) {
        const key = decodeRow(k);
        s.groups.set(key, { key, set: s, accs: this.#aggs.restore(accs), count, emitted: emitted === null ? null : decodeRow(emitted), access, epoch: 0, text: undefined });
      }
    });
    this.#epoch = 0;
  }

  close(): void { for (const s of this.#sets) s.groups.clear(); }
}
