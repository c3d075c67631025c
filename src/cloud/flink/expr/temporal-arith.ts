/** Month arithmetic on wall-clock timestamps (end-of-month clamping like java.time). */
import { civilFromDays, daysFromCivil, daysInMonth, MS_PER_DAY } from '../types/index.js';

/** Adds months to a timestamp value, clamping the day to the target month's length. */
export function addMonthsToTimestamp(ts: number, months: number): number {
  const days = Math.floor(ts / MS_PER_DAY);
  const tod = ts - days * MS_PER_DAY;
  const [y, m, d] = civilFromDays(days);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm))) * MS_PER_DAY + tod;
}
