/**
 * The source contract. The task runner pulls: `poll` appends up to `max` changes to the runner's
 * batch and says whether there was data, nothing for now, or the end (bounded input). Between polls
 * the runner reads the source's output watermark and idleness. `snapshot()` is the source's read
 * position (JSON-able), committed with the checkpoint; `restore` seeks back to it.
 */
import type { BatchBuilder } from './batch.js';
import type { PollStatus } from './types.js';

/** A pull-based source of changes. */
export interface Source {
  /** Appends up to `max` changes to `out`. */
  poll(out: BatchBuilder, max: number): PollStatus;
  /** The output watermark (−∞ before the first). Monotonic. */
  readonly watermark: number;
  /** True while every partition of the source is idle. */
  readonly idle: boolean;
  /** The read position, JSON-serialisable. */
  snapshot(): unknown;
  /** Seeks to a position taken by `snapshot()`. Called before the first poll. */
  restore(position: unknown): void;
  /** Cut-over evolution: true while the source holds back below its cut-over position. */
  readonly cutOverPending?: boolean;
  /** Cut-over evolution: read on past the cut-over position. */
  releaseCutOver?(): void;
  /** Releases resources. */
  close(): void;
}
