/**
 * MATCH_RECOGNIZE, ONE ROW PER MATCH, over an insert-only input. Rows are buffered until the
 * watermark passes their ORDER BY time (processing time: until the job's clock passes the time
 * they were read at), then fed to their partition's matcher in time order
 * (then the secondary ORDER BY, then arrival order); rows at or behind the watermark on arrival are
 * late and dropped, like Flink. Each match becomes one +I row — the partition values followed by
 * the MEASURES — with the time of the match's last row as rowtime. At end of input, completed
 * matches still waiting for a preferred running thread are emitted.
 */
import { invariant } from '../../../../../shared/index.js';
import type { Batch } from '../../batch.js';
import type { Operator, OperatorContext } from '../../operator.js';
import { decodeRow, encodeRow, tupleKey, type Json, type KeyId } from '../../stateful/value-codec.js';
import { INSERT, NO_WATERMARK, type Row } from '../../types.js';
import { CompiledMatchRecognize, PartitionMatcher, type FoundMatch, type PartitionMatcherState } from './partition-matcher.js';
import type { MatchRecognizeSpec } from './types.js';

interface Pending { readonly row: Row; readonly time: number; readonly seq: number }

/** Checkpointed state: the watermark, rows waiting for it and every partition's matcher. */
export interface MatchRecognizeState {
  readonly watermark: number | null;
  readonly seq: number;
  readonly pending: readonly (readonly [Json, number, number])[];
  readonly partitions: readonly (readonly [Json, PartitionMatcherState])[];
}

/** The MATCH_RECOGNIZE operator. */
export class MatchRecognizeOperator implements Operator<MatchRecognizeState> {
  readonly #c: CompiledMatchRecognize;
  #pending: Pending[] = [];
  #partitions = new Map<KeyId, { readonly values: readonly unknown[]; readonly matcher: PartitionMatcher }>();
  #wm = NO_WATERMARK;
  #seq = 0;

  /** Processing time (ORDER BY a proctime attribute): rows read before `now` are matched. */
  readonly onProcessingTime?: (now: number, ctx: OperatorContext) => void;

  constructor(spec: MatchRecognizeSpec) {
    this.#c = new CompiledMatchRecognize(spec);
    if (spec.proctime === true) this.onProcessingTime = (now, ctx) => this.#advance(now - 1, ctx);
  }

  /** Rows waiting for the watermark, and live threads over all partitions (for tests). */
  get stateSize(): { readonly pending: number; readonly threads: number; readonly rows: number } {
    let threads = 0;
    let rows = 0;
    for (const p of this.#partitions.values()) { threads += p.matcher.threads; rows += p.matcher.bufferedRows; }
    return { pending: this.#pending.length, threads, rows };
  }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    const timeOf = this.#c.spec.time;
    for (let i = 0; i < batch.size; i++) {
      invariant(batch.kinds[i] === INSERT, 'MATCH_RECOGNIZE input is insert-only');
      const row = batch.rows[i] as Row;
      const time = timeOf(row);
      if (time === null || (time <= this.#wm && this.#c.spec.proctime !== true)) continue;
      this.#pending.push({ row, time, seq: this.#seq++ });
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (this.#c.spec.proctime !== true) this.#advance(time, ctx);
  }

  /** Feeds the rows at or before `time` (a watermark, or the clock) to their matchers in order. */
  #advance(time: number, ctx: OperatorContext): void {
    if (time <= this.#wm) return;
    this.#wm = time;
    const order = this.#c.spec.order;
    const due = this.#pending.filter((p) => p.time <= time)
      .sort((a, b) => a.time - b.time || (order === undefined ? 0 : order(a.row, b.row)) || a.seq - b.seq);
    if (due.length > 0) this.#pending = this.#pending.filter((p) => p.time > time);
    for (const p of due) {
      const part = this.#partition(p.row);
      part.matcher.push(p.row, p.time, (m) => this.#emit(part.values, m, ctx));
    }
    if (this.#c.spec.withinMs !== undefined && Number.isFinite(time)) {
      for (const part of this.#partitions.values()) part.matcher.expire(time, (m) => this.#emit(part.values, m, ctx));
    }
  }

  onEndOfInput(ctx: OperatorContext): void {
    // Processing time: rows still waiting for the clock are matched (nothing else would feed them).
    if (this.#c.spec.proctime === true && this.#pending.length > 0) this.#advance(Math.max(...this.#pending.map((p) => p.time)), ctx);
    for (const part of this.#partitions.values()) part.matcher.finish((m) => this.#emit(part.values, m, ctx));
  }

  snapshot(): MatchRecognizeState {
    return {
      watermark: Number.isFinite(this.#wm) ? this.#wm : null,
      seq: this.#seq,
      pending: this.#pending.map((p) => [encodeRow(p.row), p.time, p.seq] as const),
      partitions: [...this.#partitions.values()].map((p) => [encodeRow(p.values), p.matcher.snapshot()] as const),
    };
  }

  restore(s: MatchRecognizeState): void {
    this.#wm = s.watermark ?? NO_WATERMARK;
    this.#seq = s.seq;
    this.#pending = s.pending.map(([row, time, seq]) => ({ row: decodeRow(row), time, seq }));
    this.#partitions = new Map();
    for (const [values, state] of s.partitions) {
      const vs = decodeRow(values);
      const matcher = new PartitionMatcher(this.#c);
      matcher.restore(state);
      this.#partitions.set(tupleKey(vs), { values: vs, matcher });
    }
  }

  close(): void { /* nothing held outside the heap */ }

  #partition(row: Row): { readonly values: readonly unknown[]; readonly matcher: PartitionMatcher } {
    const values = this.#c.spec.partition(row);
    const key = tupleKey(values);
    let part = this.#partitions.get(key);
    if (part === undefined) {
      part = { values: [...values], matcher: new PartitionMatcher(this.#c) };
      this.#partitions.set(key, part);
    }
    return part;
  }

  #emit(values: readonly unknown[], m: FoundMatch, ctx: OperatorContext): void {
    ctx.emit([...values, ...this.#c.spec.measures(m.view)], INSERT, m.lastTime);
  }
}
