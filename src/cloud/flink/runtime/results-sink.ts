/**
 * Collects a foreground SELECT's changelog for results pages (confluent-flink.md §7.2): each change
 * becomes `{ op, row }` with op 0 +I, 1 -U, 2 +U, 3 -D and the row's values formatted by the
 * function passed in (atomic values as strings, NULL as null, ARRAY/ROW as arrays, MAP as pairs).
 * Rows are delivered inside the checkpoint transaction, so a page never shows uncommitted changes.
 */
import type { Batch } from './batch.js';
import type { Sink } from './sink.js';
import type { Row, RowKindByte } from './types.js';

/** One row of a results page. */
export interface ResultChange {
  readonly op: RowKindByte;
  readonly row: readonly unknown[];
}

/** What a results sink needs. */
export interface ResultsSinkOptions {
  /** Formats a row's values for the JSON page. */
  readonly format: (row: Row) => readonly unknown[];
  /** Receives committed changes (inside the checkpoint transaction). */
  readonly deliver: (changes: readonly ResultChange[], checkpointId: number) => void;
}

/** Buffers formatted changes until a checkpoint commits them. */
export class ResultsSink implements Sink {
  readonly #o: ResultsSinkOptions;
  #buffer: ResultChange[] = [];

  constructor(opts: ResultsSinkOptions) {
    this.#o = opts;
  }

  get pending(): number { return this.#buffer.length; }

  write(batch: Batch): void {
    for (let i = 0; i < batch.size; i++) {
      this.#buffer.push({ op: batch.kinds[i] as RowKindByte, row: this.#o.format(batch.rows[i] as Row) });
    }
  }

  commit(checkpointId: number): void {
    if (this.#buffer.length === 0) return;
    this.#o.deliver(this.#buffer, checkpointId);
    this.#buffer = [];
  }

  discard(): void { this.#buffer = []; }
  close(): void { this.#buffer = []; }
}
