/**
 * How a window Top-N or deduplication finds a row's window: either the row already carries
 * window_start/window_end columns (it comes out of a window aggregation or a window TVF the
 * planner did not fuse), or the operator applies a TUMBLE/HOP/CUMULATE TVF itself and appends
 * window_start, window_end and window_time to the row, as the TVF would.
 */
import { SqlRuntimeError } from '../../../types/index.js';
import type { Row } from '../../types.js';
import type { WindowSpec } from '../types.js';
import { assignWindows } from './window-assigner.js';

/** Where a row's window comes from. */
export type Windowing =
  | { readonly kind: 'columns'; readonly start: (row: Row) => number; readonly end: (row: Row) => number }
  | { readonly kind: 'tvf'; readonly window: WindowSpec; readonly rowtime?: (row: Row) => number };

/** One (row, window) pair: the row as the operator keeps it and its window. */
export interface WindowedRow {
  readonly row: Row;
  readonly start: number;
  readonly end: number;
}

/** The (row, window) pairs of an input row. */
export function windowedRows(w: Windowing, row: Row, batchRowtime: number): WindowedRow[] {
  if (w.kind === 'columns') return [{ row, start: w.start(row), end: w.end(row) }];
  const t = w.rowtime === undefined ? batchRowtime : w.rowtime(row);
  return assignWindows(w.window, checkRowtime(t)).map((x) => ({ row: [...row, x.start, x.end, x.end - 1], start: x.start, end: x.end }));
}

/** A NULL (NaN) rowtime fails the statement, as in Flink. */
export function checkRowtime(t: number | null | undefined): number {
  if (t === null || t === undefined || Number.isNaN(t)) {
    throw new SqlRuntimeError('invalid-argument', 'RowTime field should not be null, please convert it to a non-null long value.');
  }
  return t;
}
