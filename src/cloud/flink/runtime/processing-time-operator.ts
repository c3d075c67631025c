/**
 * Processing-time windows: runs an event-time window operator (window aggregate, window Top-N,
 * window dedup) on processing time. Rows carry their processing time in the window's time column
 * (PROCTIME() is materialized where the row is read), and the inner operator's "watermark" is the
 * job's processing-time clock: the task runner calls `onProcessingTime(now)` every slice (with no
 * input too), which advances the inner operator and fires its due timers. Event-time watermarks do
 * not reach the inner operator. Like Flink, windows still open when the input ends do not fire
 * (processing-time timers are dropped at the end of a bounded input). `lagMs` holds the inner
 * watermark that far behind the clock: an OVER aggregate, which treats rows at or below its
 * watermark as late, then processes a row read at time t once the clock passes t.
 */
import type { Batch } from './batch.js';
import type { Operator, OperatorContext } from './operator.js';
import { TimerService, type Timer } from './timer-service.js';

/** Checkpointed state: the inner operator's, its processing-time timers and the last time seen. */
export interface ProcessingTimeState {
  readonly inner: unknown;
  readonly timers: readonly Timer[];
  readonly now: number | null;
}

/** See the file header. */
export class ProcessingTimeOperator implements Operator<ProcessingTimeState> {
  readonly #inner: Operator;
  readonly #lag: number;
  #timers = new TimerService();
  #now = Number.NEGATIVE_INFINITY;
  #outer: OperatorContext | undefined;
  #ctx: OperatorContext | undefined;

  constructor(inner: Operator, opts: { readonly lagMs?: number } = {}) {
    this.#inner = inner;
    this.#lag = opts.lagMs ?? 0;
  }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    this.#inner.onBatch(batch, input, this.#wrap(ctx));
  }

  /** Event time does not drive processing-time windows. */
  onWatermark(): void { /* see the file header */ }

  onProcessingTime(clock: number, ctx: OperatorContext): void {
    const now = clock - this.#lag;
    if (now <= this.#now) return;
    this.#now = now;
    const c = this.#wrap(ctx);
    this.#inner.onWatermark?.(now, c);
    for (let due = this.#timers.due(now); due.length > 0; due = this.#timers.due(now)) {
      for (const t of due) this.#inner.onTimer?.(t.time, t.key, c);
    }
  }

  onBarrier(checkpointId: number, ctx: OperatorContext): void {
    this.#inner.onBarrier?.(checkpointId, this.#wrap(ctx));
  }

  snapshot(): ProcessingTimeState {
    return { inner: this.#inner.snapshot(), timers: this.#timers.snapshot(), now: Number.isFinite(this.#now) ? this.#now : null };
  }

  restore(s: ProcessingTimeState): void {
    this.#inner.restore(s.inner);
    this.#timers = new TimerService();
    this.#timers.restore(s.timers);
    this.#now = s.now ?? Number.NEGATIVE_INFINITY;
  }

  close(): void { this.#inner.close(); }

  /** The node's context with timers and the watermark replaced by processing time (one object per node context). */
  #wrap(outer: OperatorContext): OperatorContext {
    if (this.#outer === outer && this.#ctx !== undefined) return this.#ctx;
    const self = this;
    this.#outer = outer;
    this.#ctx = {
      emit: (row, kind, rowtime) => outer.emit(row, kind, rowtime),
      emitBatch: (batch) => outer.emitBatch(batch),
      registerTimer: (time, key) => self.#timers.register(time, key),
      deleteTimer: (time, key) => self.#timers.delete(time, key),
      get watermark() { return self.#now; },
      finish: () => outer.finish(),
    };
    return this.#ctx;
  }
}
