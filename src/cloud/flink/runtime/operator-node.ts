/**
 * One operator in a running job: owns what the operator must not — input watermark combination,
 * timers, the output batch buffer, end-of-input and finish bookkeeping — and forwards stream
 * elements downstream through one callback. The task runner wires nodes together; tests drive a
 * single node directly (see changelog-notation.ts) and observe exactly what the runner would.
 *
 * Output batching: everything an operator emits while handling one element goes into one output
 * batch, flushed when the handler returns. So an update pair (-U, +U) emitted in one call always
 * reaches the next operator in the same batch.
 */
import { invariant } from '../../../shared/index.js';
import { BatchBuilder, type Batch, type StreamElement } from './batch.js';
import type { Operator, OperatorContext } from './operator.js';
import { TimerService, type Timer } from './timer-service.js';
import { WatermarkCombiner } from './watermark-combiner.js';
import type { Row } from './types.js';

/** What a node checkpoints: its operator's state and its timers. */
export interface NodeSnapshot {
  readonly operator: unknown;
  readonly timers: readonly Timer[];
}

/** A running operator with its inputs' bookkeeping. */
export class OperatorNode {
  readonly #op: Operator;
  readonly #down: (el: StreamElement) => void;
  readonly #wm: WatermarkCombiner;
  readonly #timers = new TimerService();
  readonly #out: BatchBuilder;
  readonly #ctx: OperatorContext;
  #finished = false;
  #ended = false;
  #idle = false;

  constructor(op: Operator, opts: { readonly inputs: number; readonly downstream: (el: StreamElement) => void; readonly batchSize?: number }) {
    invariant(opts.inputs >= 1, 'an operator node has at least one input');
    this.#op = op;
    this.#down = opts.downstream;
    this.#wm = new WatermarkCombiner(opts.inputs);
    this.#out = new BatchBuilder(opts.batchSize);
    const node = this;
    this.#ctx = {
      emit: (row: Row, kind: number, rowtime: number) => { this.#out.push(row, kind, rowtime); },
      emitBatch: (batch: Batch) => { this.#flush(); if (batch.size > 0) this.#down({ kind: 'batch', batch }); },
      registerTimer: (time: number, key: string) => { this.#timers.register(time, key); },
      deleteTimer: (time: number, key: string) => { this.#timers.delete(time, key); },
      get watermark() { return node.#wm.current; },
      finish: () => { this.#finished = true; },
    };
  }

  /** The operator inside. */
  get operator(): Operator { return this.#op; }
  /** The combined input watermark. */
  get watermark(): number { return this.#wm.current; }
  /** True once the operator declared it will emit nothing more, or all inputs ended. */
  get finished(): boolean { return this.#finished || this.#ended; }
  /** Pending timers (for tests and metrics). */
  get pendingTimers(): number { return this.#timers.size; }

  /** A batch arrived on `input`. Ignored once the node finished (LIMIT reached). */
  pushBatch(input: number, batch: Batch): void {
    if (this.#finished || batch.size === 0) return;
    this.#op.onBatch(batch, input, this.#ctx);
    this.#flush();
    this.#endIfFinished();
  }

  /** A watermark arrived on `input`. */
  pushWatermark(input: number, time: number): void {
    this.#advance(this.#wm.watermark(input, time));
    this.#reportIdle();
  }

  /** True when the operator reacts to processing time. */
  get usesProcessingTime(): boolean { return this.#op.onProcessingTime !== undefined; }

  /** The job's processing-time clock reads `now` (once per slice): the operator's processing-time work runs. */
  processingTime(now: number): void {
    if (this.#ended || this.#finished || this.#op.onProcessingTime === undefined) return;
    this.#op.onProcessingTime(now, this.#ctx);
    this.#flush();
    this.#endIfFinished();
  }

  /** `input` became idle or active. */
  pushIdle(input: number, idle: boolean): void {
    this.#advance(this.#wm.setIdle(input, idle));
    this.#reportIdle();
  }

  /**
   * A checkpoint barrier. The runner is single-threaded and takes checkpoints between source polls,
   * so every input is aligned by construction; it calls this on each node in topological order
   * (whatever a node flushes reaches its successors before their turn) instead of sending barrier
   * elements along the edges.
   */
  barrier(checkpointId: number): void {
    if (this.#op.onBarrier === undefined || this.#ended) return;
    this.#op.onBarrier(checkpointId, this.#ctx);
    this.#flush();
  }

  /** `input` ended. When all have, the final watermark fires timers, then onEndOfInput runs. */
  pushEnd(input: number): void {
    if (this.#ended) return;
    if (this.#op.onInputEnd !== undefined && !this.#finished) {
      this.#op.onInputEnd(input, this.#ctx);
      this.#flush();
      if (this.#finished) { this.#endIfFinished(); return; }
    }
    this.#advance(this.#wm.end(input));
    if (!this.#wm.ended) return;
    if (!this.#finished && this.#op.onEndOfInput !== undefined) {
      this.#op.onEndOfInput(this.#ctx);
      this.#flush();
    }
    this.#ended = true;
    this.#down({ kind: 'end' });
  }

  /** The node's state for a checkpoint. */
  snapshot(): NodeSnapshot {
    return { operator: this.#op.snapshot(), timers: this.#timers.snapshot() };
  }

  /** Reinstates a snapshot taken from an equal node. */
  restore(s: NodeSnapshot): void {
    this.#op.restore(s.operator);
    this.#timers.restore(s.timers);
  }

  #advance(time: number | null): void {
    if (time === null || this.#ended) return;
    if (this.#op.onWatermark !== undefined) this.#op.onWatermark(time, this.#ctx);
    for (let due = this.#timers.due(time); due.length > 0; due = this.#timers.due(time)) {
      for (const t of due) this.#op.onTimer?.(t.time, t.key, this.#ctx);
    }
    this.#flush();
    this.#down({ kind: 'watermark', time });
  }

  #reportIdle(): void {
    if (this.#ended) return;
    const idle = this.#wm.idle;
    if (idle === this.#idle) return;
    this.#idle = idle;
    this.#down({ kind: 'idle', idle });
  }

  #flush(): void {
    if (this.#out.size === 0) return;
    this.#down({ kind: 'batch', batch: this.#out });
    this.#out.reset();
  }

  /** A node that finished by itself (LIMIT) ends its output right away. */
  #endIfFinished(): void {
    if (!this.#finished || this.#ended) return;
    this.#ended = true;
    this.#down({ kind: 'end' });
  }
}

/** Hands one stream element to input `input` of a node (the runners' edge delivery). */
export function deliverElement(node: OperatorNode, input: number, el: StreamElement): void {
  switch (el.kind) {
    case 'batch': node.pushBatch(input, el.batch); return;
    case 'watermark': node.pushWatermark(input, el.time); return;
    case 'idle': node.pushIdle(input, el.idle); return;
    case 'end': node.pushEnd(input); return;
    case 'barrier': return;
  }
}
