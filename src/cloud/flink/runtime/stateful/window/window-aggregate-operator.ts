/**
 * Window aggregation over the window TVFs: `GROUP BY window_start, window_end, keys` on TUMBLE, HOP,
 * CUMULATE or SESSION. Output rows are `[...keys, ...aggregates, window_start, window_end,
 * window_time]` (Flink's WindowAggregate layout) with window_time = window_end − 1 ms as rowtime,
 * all +I: a window's rows are emitted once, when the watermark reaches window_time.
 *
 * TUMBLE/HOP/CUMULATE keep accumulators per (window, key), so +I/+U and -U/-D input both work
 * (a window whose row count nets to zero emits nothing). SESSION windows take an insert-only
 * input, partitioned by the group keys, and merge (see session-windows.ts).
 *
 * Late rows: a row is added to each of its windows that has not fired (window_time > watermark);
 * when none is left it is dropped and counted in `lateRecordsDropped` (Flink's
 * numLateRecordsDropped) — as Flink's slicing operator does for HOP/CUMULATE.
 *
 * Output order: by window end, then start, then key, so recovery and Map order never show.
 */
import { invariant } from '../../../../../shared/index.js';
import type { Batch } from '../../batch.js';
import type { Operator, OperatorContext } from '../../operator.js';
import { INSERT, NO_WATERMARK, UPDATE_AFTER, type Row } from '../../types.js';
import { compileAggregates, type AccState, type CompiledAggregates } from '../accumulators/index.js';
import type { AggregateCall, KeyExtractor, WindowSpec } from '../types.js';
import { compareKeyIds, decodeRow, decodeValue, encodeRow, encodeValue, tupleKey, type Json, type KeyId } from '../value-codec.js';
import { SessionWindows } from './session-windows.js';
import { assignWindows, checkWindowSpec } from './window-assigner.js';
import { checkRowtime } from './windowing.js';

/** What a planner hands to a window aggregate. */
export interface WindowAggregateSpec {
  readonly window: WindowSpec;
  /** The TVF's time column (DESCRIPTOR); default: the row's rowtime in the batch. */
  readonly rowtime?: (row: Row) => number;
  /** GROUP BY columns besides window_start/window_end (SESSION: also its PARTITION BY). */
  readonly key?: KeyExtractor;
  readonly aggregates: readonly AggregateCall[];
}

/** Checkpointed state. */
export interface WindowAggregateState {
  readonly watermark: Json;
  readonly late: number;
  /** [end, start, key, rowCount, accumulators] per open (window, key). */
  readonly panes: readonly (readonly [number, number, Json, number, Json])[];
  readonly sessions: Json;
}

interface Pane {
  readonly start: number;
  readonly key: unknown[];
  readonly accs: AccState;
  count: number;
}

const NO_KEY: KeyExtractor = () => [];

/** Window aggregation; see the file header. */
export class WindowAggregateOperator implements Operator<WindowAggregateState> {
  readonly #spec: WindowSpec;
  readonly #rowtime: ((row: Row) => number) | undefined;
  readonly #key: KeyExtractor;
  readonly #aggs: CompiledAggregates;
  /** Open panes by window end, then by key. */
  readonly #panes = new Map<number, Map<KeyId, Pane>>();
  readonly #sessions: SessionWindows | undefined;
  #watermark = NO_WATERMARK;
  #late = 0;

  constructor(spec: WindowAggregateSpec) {
    checkWindowSpec(spec.window);
    this.#spec = spec.window;
    this.#rowtime = spec.rowtime;
    this.#key = spec.key ?? NO_KEY;
    this.#aggs = compileAggregates(spec.aggregates);
    this.#sessions = spec.window.kind === 'session' ? new SessionWindows(spec.window.gap) : undefined;
  }

  /** Rows dropped because every window they belong to had fired. */
  get lateRecordsDropped(): number { return this.#late; }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    const { rows, kinds, rowtimes, size } = batch;
    const wm = this.#watermark;
    for (let i = 0; i < size; i++) {
      const row = rows[i] as Row;
      const t = checkRowtime(this.#rowtime === undefined ? rowtimes[i] : this.#rowtime(row));
      const key = this.#key(row);
      const id = tupleKey(key);
      const kind = kinds[i];
      const add = kind === INSERT || kind === UPDATE_AFTER;
      if (this.#sessions !== undefined) {
        invariant(add, 'SESSION window aggregation takes an insert-only input');
        if (!this.#sessions.add(id, key, t, row, wm)) this.#late++;
        continue;
      }
      let accepted = false;
      for (const w of assignWindows(this.#spec, t)) {
        if (w.end - 1 <= wm) continue;
        accepted = true;
        let byKey = this.#panes.get(w.end);
        if (byKey === undefined) { byKey = new Map(); this.#panes.set(w.end, byKey); }
        let pane = byKey.get(id);
        if (pane === undefined) { pane = { start: w.start, key, accs: this.#aggs.create(), count: 0 }; byKey.set(id, pane); }
        pane.count += add ? 1 : -1;
        this.#aggs.apply(pane.accs, row, !add);
      }
      if (!accepted) this.#late++;
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#watermark) return;
    this.#watermark = time;
    if (this.#sessions !== undefined) {
      for (const s of this.#sessions.fire(time)) {
        const accs = this.#aggs.create();
        for (const r of s.rows) this.#aggs.apply(accs, r, false);
        this.#emit(s.key, this.#aggs.results(accs), s.start, s.end, ctx);
      }
      return;
    }
    const due = [...this.#panes.keys()].filter((end) => end - 1 <= time).sort((a, b) => a - b);
    for (const end of due) {
      const byKey = this.#panes.get(end);
      this.#panes.delete(end);
      if (byKey === undefined) continue;
      const ids = [...byKey.keys()].sort(compareKeyIds);
      for (const id of ids) {
        const p = byKey.get(id);
        if (p === undefined || p.count <= 0) continue;
        this.#emit(p.key, this.#aggs.results(p.accs), p.start, end, ctx);
      }
    }
  }

  #emit(key: readonly unknown[], results: readonly unknown[], start: number, end: number, ctx: OperatorContext): void {
    ctx.emit([...key, ...results, start, end, end - 1], INSERT, end - 1);
  }

  snapshot(): WindowAggregateState {
    const panes: (readonly [number, number, Json, number, Json])[] = [];
    for (const [end, byKey] of this.#panes) {
      for (const p of byKey.values()) panes.push([end, p.start, encodeRow(p.key), p.count, this.#aggs.snapshot(p.accs)]);
    }
    return {
      watermark: encodeValue(this.#watermark),
      late: this.#late,
      panes,
      sessions: this.#sessions?.snapshot() ?? null,
    };
  }

  restore(s: WindowAggregateState): void {
    this.#watermark = decodeValue(s.watermark) as number;
    this.#late = s.late;
    this.#panes.clear();
    for (const [end, start, k, count, accs] of s.panes) {
      const key = decodeRow(k);
      let byKey = this.#panes.get(end);
      if (byKey === undefined) { byKey = new Map(); this.#panes.set(end, byKey); }
      byKey.set(tupleKey(key), { start, key, accs: this.#aggs.restore(accs), count });
    }
    if (this.#sessions !== undefined) this.#sessions.restore(s.sessions, tupleKey);
  }

  close(): void { this.#panes.clear(); }
}
