/**
 * VALUES: a bounded source of constant insert-only rows. Its position is the next row index.
 */
import type { BatchBuilder } from './batch.js';
import type { Source } from './source.js';
import { INSERT, NO_WATERMARK, type PollStatus, type Row } from './types.js';

/** Emits the given rows as +I, then ends. */
export class ValuesSource implements Source {
  readonly #rows: readonly Row[];
  #next = 0;

  constructor(rows: readonly Row[]) {
    this.#rows = rows;
  }

  get watermark(): number { return NO_WATERMARK; }
  get idle(): boolean { return false; }

  poll(out: BatchBuilder, max: number): PollStatus {
    if (this.#next >= this.#rows.length) return 'end';
    const end = Math.min(this.#rows.length, this.#next + max);
    for (let i = this.#next; i < end; i++) out.push(this.#rows[i] as Row, INSERT, Number.NaN);
    this.#next = end;
    return 'data';
  }

  snapshot(): { next: number } { return { next: this.#next }; }

  restore(position: unknown): void {
    const p = position as { next?: unknown };
    this.#next = typeof p.next === 'number' ? p.next : 0;
  }

  close(): void { /* nothing held */ }
}
