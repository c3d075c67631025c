/**
 * The operator contract. An operator is a deterministic state machine: it sees batches on numbered
 * inputs, combined watermarks (the runner takes the min over non-idle inputs), barriers and the end
 * of its inputs, and answers through its context. Its whole state is what `snapshot()` returns;
 * the value must survive `v8.serialize` (plain objects, arrays, Map, bigint, typed arrays).
 */
import type { Batch } from './batch.js';
import type { Row, RowKindByte } from './types.js';

/** What an operator may do while handling an element. */
export interface OperatorContext {
  /** Sends one change downstream (buffered into the node's output batch). */
  emit(row: Row, kind: RowKindByte | number, rowtime: number): void;
  /** Sends a whole batch downstream (flushes pending single emits first). */
  emitBatch(batch: Batch): void;
  /** Registers an event-time timer: `onTimer(time, key)` runs once the watermark reaches `time`. */
  registerTimer(time: number, key: string): void;
  /** Removes a registered timer (no-op when absent). */
  deleteTimer(time: number, key: string): void;
  /** The node's current combined input watermark (−∞ before the first). */
  readonly watermark: number;
  /** Declares that this operator will emit nothing more (LIMIT reached): upstream may stop. */
  finish(): void;
}

/** A stream operator; see the file header. */
export interface Operator<S = unknown> {
  /** Handles a batch that arrived on input `input` (0-based). */
  onBatch(batch: Batch, input: number, ctx: OperatorContext): void;
  /** The combined input watermark advanced to `time`; it is forwarded after this and due timers. */
  onWatermark?(time: number, ctx: OperatorContext): void;
  /**
   * Processing time: the task runner calls this once per slice (also without input) with its
   * injected clock's time, for operators that define it (processing-time windows).
   */
  onProcessingTime?(now: number, ctx: OperatorContext): void;
  /** An event-time timer fired. */
  onTimer?(time: number, key: string, ctx: OperatorContext): void;
  /** A checkpoint barrier reached the operator (all inputs aligned): flush anything buffered. */
  onBarrier?(checkpointId: number, ctx: OperatorContext): void;
  /** Input `input` ended (before the others, possibly); e.g. a lookup join finishes when its probes end. */
  onInputEnd?(input: number, ctx: OperatorContext): void;
  /** Every input ended; emit any final results. */
  onEndOfInput?(ctx: OperatorContext): void;
  /** The operator's state, for a checkpoint. */
  snapshot(): S;
  /** Reinstates a state taken by `snapshot()` on an equal operator. */
  restore(state: S): void;
  /** Releases resources; the operator is not used afterwards. */
  close(): void;
}
