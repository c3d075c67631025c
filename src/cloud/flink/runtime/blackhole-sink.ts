/**
 * The `blackhole` connector: accepts everything, keeps only counts (benchmarks, dry runs).
 */
import type { Batch } from './batch.js';
import type { Sink } from './sink.js';

/** Counts and discards. */
export class BlackholeSink implements Sink {
  #written = 0;
  #committed = 0;

  /** Changes written (committed or not). */
  get written(): number { return this.#written; }
  /** Changes covered by a committed checkpoint. */
  get committed(): number { return this.#committed; }
  get pending(): number { return this.#written - this.#committed; }

  write(batch: Batch): void { this.#written += batch.size; }
  commit(): void { this.#committed = this.#written; }
  discard(): void { this.#written = this.#committed; }
  close(): void { /* nothing held */ }
}
