/**
 * The unit of work: a batch of changes. Rows are plain arrays (one per row, no per-field objects),
 * with a parallel Uint8Array of row kinds (0 +I, 1 -U, 2 +U, 3 -D) and a parallel Float64Array of
 * rowtimes (epoch millis; NaN when the row has none). A batch is only valid during the call it is
 * passed to: builders reuse their buffers, so an operator that keeps rows keeps the row arrays
 * (which are never mutated after emission), never the batch.
 */
import { invariant } from '../../../shared/index.js';
import type { Row, RowKindByte } from './types.js';

/** A read-only view of `size` changes. */
export interface Batch {
  readonly size: number;
  /** Rows `0..size-1`; entries past `size` are stale. */
  readonly rows: readonly Row[];
  /** Row kind per row. */
  readonly kinds: Uint8Array;
  /** Rowtime per row (NaN = none). */
  readonly rowtimes: Float64Array;
}

/** Default upper bound of rows per batch. */
export const DEFAULT_BATCH_SIZE = 1024;

/** Accumulates changes into reusable buffers; `reset()` starts the next batch in the same memory. */
export class BatchBuilder implements Batch {
  #size = 0;
  #rows: Row[];
  #kinds: Uint8Array;
  #rowtimes: Float64Array;

  constructor(capacity = DEFAULT_BATCH_SIZE) {
    invariant(capacity > 0, 'batch capacity must be positive');
    this.#rows = new Array<Row>(capacity);
    this.#kinds = new Uint8Array(capacity);
    this.#rowtimes = new Float64Array(capacity);
  }

  get size(): number { return this.#size; }
  get rows(): readonly Row[] { return this.#rows; }
  get kinds(): Uint8Array { return this.#kinds; }
  get rowtimes(): Float64Array { return this.#rowtimes; }
  /** Rows the buffers hold without growing. */
  get capacity(): number { return this.#kinds.length; }
  /** True when `size === capacity`. */
  get full(): boolean { return this.#size >= this.#kinds.length; }

  /** Appends one change, growing the buffers when full. */
  push(row: Row, kind: RowKindByte | number, rowtime: number): void {
    const i = this.#size;
    if (i === this.#kinds.length) this.#grow();
    this.#rows[i] = row;
    this.#kinds[i] = kind;
    this.#rowtimes[i] = rowtime;
    this.#size = i + 1;
  }

  /** Empties the batch, keeping its buffers (and dropping row references). */
  reset(): void {
    this.#rows.fill(undefined as unknown as Row, 0, this.#size);
    this.#size = 0;
  }

  #grow(): void {
    const n = this.#kinds.length * 2;
    const kinds = new Uint8Array(n);
    kinds.set(this.#kinds);
    const rowtimes = new Float64Array(n);
    rowtimes.set(this.#rowtimes);
    this.#kinds = kinds;
    this.#rowtimes = rowtimes;
    this.#rows.length = n;
  }
}

/** A batch built from explicit arrays (tests, VALUES); copies nothing. */
export function batchOf(rows: readonly Row[], kinds: readonly number[], rowtimes?: readonly number[]): Batch {
  invariant(rows.length === kinds.length, 'batchOf: rows and kinds must have the same length');
  const rt = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) rt[i] = rowtimes?.[i] ?? Number.NaN;
  return { size: rows.length, rows, kinds: Uint8Array.from(kinds), rowtimes: rt };
}

/** What flows on an edge: batches of changes with watermarks, barriers and end-of-input between them. */
export type StreamElement =
  | { readonly kind: 'batch'; readonly batch: Batch }
  | { readonly kind: 'watermark'; readonly time: number }
  | { readonly kind: 'idle'; readonly idle: boolean }
  | { readonly kind: 'barrier'; readonly checkpointId: number }
  | { readonly kind: 'end' };
