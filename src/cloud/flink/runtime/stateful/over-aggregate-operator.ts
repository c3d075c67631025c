/**
 * OVER aggregation ordered by rowtime: `agg(...) OVER (PARTITION BY … ORDER BY rowtime
 * ROWS BETWEEN n PRECEDING AND CURRENT ROW)` or `RANGE BETWEEN INTERVAL … PRECEDING AND CURRENT
 * ROW` (n / interval may be UNBOUNDED = Infinity), on an insert-only input. Output rows are
 * `[...row, ...aggregates]`, append-only, with the row's rowtime.
 *
 * Rows wait until the watermark passes their rowtime, then are processed in rowtime order (ties in
 * arrival order): ROWS adds the row and retracts the one that fell out of the last n + 1; RANGE
 * adds every row of that rowtime, retracts rows older than rowtime − interval, and gives all rows
 * of the rowtime the same results (peers see each other). Rows at or below the watermark when they
 * arrive are late: dropped and counted. Output order: rowtime, then partition key, then arrival.
 */
import { invariant } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { INSERT, NO_WATERMARK, type Row } from '../types.js';
import { compileAggregates, type AccState, type CompiledAggregates } from './accumulators/index.js';
import type { AggregateCall, KeyExtractor } from './types.js';
import { compareKeyIds, decodeRow, decodeValue, encodeRow, encodeValue, tupleKey, type Json, type KeyId } from './value-codec.js';
import { checkRowtime } from './window/windowing.js';

/** The frame of an OVER window; `preceding` = Infinity for UNBOUNDED PRECEDING. */
export type OverFrame =
  | { readonly kind: 'rows'; readonly preceding: number }
  | { readonly kind: 'range'; readonly preceding: number };

/** What a planner hands to an OVER aggregate. */
export interface OverAggregateSpec {
  readonly partitionKey?: KeyExtractor;
  /** The ORDER BY rowtime column; default: the row's rowtime in the batch. */
  readonly rowtime?: (row: Row) => number;
  readonly frame: OverFrame;
  readonly aggregates: readonly AggregateCall[];
  /** Orders the rows of one rowtime (a temporal sort's further keys); default: arrival order. */
  readonly tieOrder?: (a: Row, b: Row) => number;
}

/** Checkpointed state: per partition [key, accumulators, rows in the frame, rows waiting]. */
export interface OverAggregateState {
  readonly watermark: Json;
  readonly late: number;
  readonly partitions: readonly (readonly [Json, Json, readonly (readonly [number, Json])[], readonly (readonly [number, Json])[]])[];
}

interface Timed { readonly t: number; readonly row: Row }

interface Partition {
  readonly key: unknown[];
  accs: AccState;
  /** Rows currently inside the frame, oldest first. */
  frame: Timed[];
  /** Rows waiting for the watermark, in arrival order. */
  pending: Timed[];
}

const NO_KEY: KeyExtractor = () => [];

/** OVER aggregation; see the file header. */
export class OverAggregateOperator implements Operator<OverAggregateState> {
  readonly #spec: OverAggregateSpec;
  readonly #key: KeyExtractor;
  readonly #aggs: CompiledAggregates;
  readonly #parts = new Map<KeyId, Partition>();
  #watermark = NO_WATERMARK;
  #late = 0;

  constructor(spec: OverAggregateSpec) {
    invariant(spec.frame.preceding >= 0, 'OVER frame preceding must be non-negative');
    this.#spec = spec;
    this.#key = spec.partitionKey ?? NO_KEY;
    this.#aggs = compileAggregates(spec.aggregates);
  }

  /** Rows dropped because they arrived at or below the watermark. */
  get lateRecordsDropped(): number { return this.#late; }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    const { rows, kinds, rowtimes, size } = batch;
    for (let i = 0; i < size; i++) {
      invariant(kinds[i] === INSERT, 'OVER aggregation takes an insert-only input');
      const row = rows[i] as Row;
      const t = checkRowtime(this.#spec.rowtime === undefined ? rowtimes[i] : this.#spec.rowtime(row));
      if (t <= this.#watermark) { this.#late++; continue; }
      const key = this.#key(row);
      const id = tupleKey(key);
      let p = this.#parts.get(id);
      if (p === undefined) { p = { key, accs: this.#aggs.create(), frame: [], pending: [] }; this.#parts.set(id, p); }
      p.pending.push({ t, row });
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#watermark) return;
    this.#watermark = time;
    // (rowtime, partition) groups that became complete, in output order.
    const due: { t: number; id: KeyId; p: Partition; rows: Row[] }[] = [];
    for (const [id, p] of this.#parts) {
      if (p.pending.length === 0) continue;
      const ready = p.pending.filter((x) => x.t <= time);
      if (ready.length === 0) continue;
      p.pending = p.pending.filter((x) => x.t > time);
      const byTime = new Map<number, Row[]>();
      for (const x of ready) {
        const list = byTime.get(x.t);
        if (list === undefined) byTime.set(x.t, [x.row]); else list.push(x.row);
      }
      for (const [t, rows] of byTime) due.push({ t, id, p, rows });
    }
    due.sort((a, b) => a.t - b.t || compareKeyIds(a.id, b.id));
    const tie = this.#spec.tieOrder;
    for (const d of due) this.#process(d.p, d.t, tie === undefined ? d.rows : d.rows.sort(tie), ctx);
  }

  #process(p: Partition, t: number, rows: readonly Row[], ctx: OperatorContext): void {
    const aggs = this.#aggs;
    const { kind, preceding } = this.#spec.frame;
    const unbounded = preceding === Number.POSITIVE_INFINITY;
    if (kind === 'rows') {
      for (const row of rows) {
        aggs.apply(p.accs, row, false);
        if (!unbounded) {
          p.frame.push({ t, row });
          if (p.frame.length > preceding + 1) aggs.apply(p.accs, (p.frame.shift() as Timed).row, true);
        }
        ctx.emit([...row, ...aggs.results(p.accs)], INSERT, t);
      }
      return;
    }
    for (const row of rows) {
      aggs.apply(p.accs, row, false);
      if (!unbounded) p.frame.push({ t, row });
    }
    let drop = 0;
    while (drop < p.frame.length && (p.frame[drop] as Timed).t < t - preceding) aggs.apply(p.accs, (p.frame[drop++] as Timed).row, true);
    if (drop > 0) p.frame.splice(0, drop);
    const results = aggs.results(p.accs);
    for (const row of rows) ctx.emit([...row, ...results], INSERT, t);
  }

  snapshot(): OverAggregateState {
    const timed = (xs: readonly Timed[]) => xs.map((x) => [x.t, encodeRow(x.row)] as const);
    return {
      watermark: encodeValue(this.#watermark),
      late: this.#late,
      partitions: [...this.#parts.values()].map((p) => [encodeRow(p.key), this.#aggs.snapshot(p.accs), timed(p.frame), timed(p.pending)] as const),
    };
  }

  restore(s: OverAggregateState): void {
    this.#watermark = decodeValue(s.watermark) as number;
    this.#late = s.late;
    this.#parts.clear();
    const timed = (xs: readonly (readonly [number, Json])[]): Timed[] => xs.map(([t, r]) => ({ t, row: decodeRow(r) }));
    for (const [k, accs, frame, pending] of s.partitions) {
      const key = decodeRow(k);
      this.#parts.set(tupleKey(key), { key, accs: this.#aggs.restore(accs), frame: timed(frame), pending: timed(pending) });
    }
  }

  close(): void { this.#parts.clear(); }
}
