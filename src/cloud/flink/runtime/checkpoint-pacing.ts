/**
 * When a task runner's next checkpoint is due: after `everyRecords` source records or `everyMs`
 * of the injected clock (CheckpointPolicy), whichever first. A checkpoint snapshots all operator
 * state synchronously and holds the event loop meanwhile; when that is slow (large keyed state),
 * at least SLOW_CHECKPOINT_PAUSE× its duration passes before the next one (Flink's minimum pause
 * between checkpoints), so checkpointing takes a bounded share of the process. That pause is
 * measured in wall time: it is about CPU, not about the job's clock.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../../shared/index.js';
import type { CheckpointPolicy } from './types.js';

/** A checkpoint slower than this (ms) delays the next one by SLOW_CHECKPOINT_PAUSE× its duration. */
const SLOW_CHECKPOINT_MS = 20;
const SLOW_CHECKPOINT_PAUSE = 9;

/** See the file header. */
export class CheckpointPacer {
  readonly #policy: CheckpointPolicy | undefined;
  readonly #clock: Clock;
  #recordsSince = 0;
  #lastAt: number;
  /** Wall time the last checkpoint took, and when it ended (performance.now()). */
  #lastMs = 0;
  #lastEnd = 0;

  constructor(policy: CheckpointPolicy | undefined, clock: Clock) {
    this.#policy = policy;
    this.#clock = clock;
    this.#lastAt = clock.now();
  }

  /** The sources read `n` records. */
  read(n: number): void { this.#recordsSince += n; }

  /** A checkpoint that began at `started` (performance.now()) committed. */
  taken(started: number): void {
    this.#recordsSince = 0;
    this.#lastAt = this.#clock.now();
    this.#lastEnd = performance.now();
    this.#lastMs = this.#lastEnd - started;
  }

  /** True when the policy asks for a checkpoint now. */
  get due(): boolean {
    const p = this.#policy;
    if (p === undefined) return false;
    if (this.#lastMs >= SLOW_CHECKPOINT_MS && performance.now() - this.#lastEnd < this.#lastMs * SLOW_CHECKPOINT_PAUSE) return false;
    if (p.everyRecords !== undefined && this.#recordsSince >= p.everyRecords) return true;
    return p.everyMs !== undefined && this.#clock.now() - this.#lastAt >= p.everyMs;
  }
}
