/**
 * A bare window TVF (TUMBLE / HOP / CUMULATE) over an insert-only input: each row is emitted once
 * per window it falls into, with window_start, window_end and window_time (= window_end − 1 ms,
 * the new rowtime) appended. Stateless; a NULL time column fails the statement, as in Flink.
 */
import type { Batch, Operator, OperatorContext, WindowSpec } from '../runtime/index.js';
import { INSERT, assignWindows } from '../runtime/index.js';
import { SqlRuntimeError } from '../types/index.js';

/** Applies a window TVF row by row. */
export class WindowTableFunctionOperator implements Operator<null> {
  readonly #window: WindowSpec;
  readonly #rowtime: (row: unknown[]) => number;

  constructor(window: WindowSpec, rowtime: (row: unknown[]) => number) {
    this.#window = window;
    this.#rowtime = rowtime;
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as unknown[];
      const t = this.#rowtime(row);
      if (Number.isNaN(t)) throw new SqlRuntimeError('invalid-argument', 'RowTime field should not be null, please convert it to a non-null long value.');
      for (const w of assignWindows(this.#window, t)) ctx.emit([...row, w.start, w.end, w.end - 1], batch.kinds[i] ?? INSERT, w.end - 1);
    }
  }

  snapshot(): null { return null; }
  restore(): void { /* stateless */ }
  close(): void { /* nothing held */ }
}
