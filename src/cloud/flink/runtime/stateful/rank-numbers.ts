/**
 * Rank numbering and sorted insertion shared by the Top-N operators: ROW_NUMBER counts positions,
 * RANK gives ties the same number and skips, DENSE_RANK gives ties the same number without gaps.
 */
import type { Row } from '../types.js';
import type { RankFunction, RowComparator } from './types.js';

/** Inserts `row` after every row that orders before or equal to it (ties keep arrival order). */
export function insertSorted(rows: Row[], row: Row, cmp: RowComparator): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(rows[mid] as Row, row) <= 0) lo = mid + 1; else hi = mid;
  }
  rows.splice(lo, 0, row);
  return lo;
}

/** The rank number of each row of a sorted list. */
export function rankNumbers(rows: readonly Row[], fn: RankFunction, cmp: RowComparator): number[] {
  const out = new Array<number>(rows.length);
  let rank = 0;
  for (let i = 0; i < rows.length; i++) {
    if (fn === 'ROW_NUMBER') rank = i + 1;
    else if (i === 0 || cmp(rows[i - 1] as Row, rows[i] as Row) !== 0) rank = fn === 'RANK' ? i + 1 : rank + 1;
    out[i] = rank;
  }
  return out;
}

/**
 * Drops rows that can never rank within `rankEnd` (only valid for insert-only input): past
 * position rankEnd for ROW_NUMBER, past the last tie of position rankEnd for RANK. DENSE_RANK
 * keeps everything.
 */
export function pruneBeyond(rows: Row[], fn: RankFunction, rankEnd: number, cmp: RowComparator): void {
  if (rows.length <= rankEnd || fn === 'DENSE_RANK') return;
  if (fn === 'ROW_NUMBER') { rows.length = rankEnd; return; }
  let cut = rankEnd;
  while (cut < rows.length && cmp(rows[rankEnd - 1] as Row, rows[cut] as Row) === 0) cut++;
  rows.length = cut;
}
