/** Field extraction from wall-clock millis (EXTRACT, YEAR(), DAYOFWEEK() …) and local-time readers. */
import { civilFromDays, daysFromCivil, instantToLocal, MS_PER_DAY } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import { isoWeek } from './date-format.js';

/** Reads a DATE/TIME/TIMESTAMP/TIMESTAMP_LTZ value as wall-clock millis in the session zone. */
export function localReader(t: LogicalType, tz: string): (v: unknown) => number {
  switch (t.kind) {
    case 'DATE': return (v) => (v as number) * MS_PER_DAY;
    case 'TIMESTAMP_LTZ': return tz === 'UTC' ? (v) => v as number : (v) => instantToLocal(v as number, tz);
    default: return (v) => v as number;
  }
}

/** Time units accepted by EXTRACT. */
export const EXTRACT_UNITS = [
  'MILLENNIUM', 'CENTURY', 'DECADE', 'YEAR', 'ISOYEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DOY', 'DOW', 'ISODOW',
  'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'EPOCH',
] as const;

/** Extracts one field of wall-clock millis; undefined for an unknown unit. */
export function fieldExtractor(unit: string): ((local: number) => number) | undefined {
  const days = (ms: number): number => Math.floor(ms / MS_PER_DAY);
  const tod = (ms: number): number => ms - days(ms) * MS_PER_DAY;
  switch (unit) {
    case 'YEAR': return (ms) => civilFromDays(days(ms))[0];
    case 'MONTH': return (ms) => civilFromDays(days(ms))[1];
    case 'DAY': return (ms) => civilFromDays(days(ms))[2];
    case 'QUARTER': return (ms) => Math.floor((civilFromDays(days(ms))[1] - 1) / 3) + 1;
    case 'WEEK': return (ms) => isoWeek(days(ms));
    case 'DOY': return (ms) => { const d = days(ms); return d - daysFromCivil(civilFromDays(d)[0], 1, 1) + 1; };
    case 'DOW': return (ms) => ((((days(ms) + 4) % 7) + 7) % 7) + 1;
    case 'ISODOW': return (ms) => ((((days(ms) + 3) % 7) + 7) % 7) + 1;
    case 'ISOYEAR': return (ms) => { const d = days(ms); const dow = (((d + 3) % 7) + 7) % 7; return civilFromDays(d - dow + 3)[0]; };
    case 'DECADE': return (ms) => Math.floor(civilFromDays(days(ms))[0] / 10);
    case 'CENTURY': return (ms) => { const y = civilFromDays(days(ms))[0]; return y > 0 ? Math.floor((y + 99) / 100) : -Math.floor((99 - y) / 100); };
    case 'MILLENNIUM': return (ms) => { const y = civilFromDays(days(ms))[0]; return y > 0 ? Math.floor((y + 999) / 1000) : -Math.floor((999 - y) / 1000); };
    case 'HOUR': return (ms) => Math.floor(tod(ms) / 3_600_000);
    case 'MINUTE': return (ms) => Math.floor(tod(ms) / 60_000) % 60;
    case 'SECOND': return (ms) => Math.floor(tod(ms) / 1000) % 60;
    case 'MILLISECOND': return (ms) => Math.floor(tod(ms)) % 60_000;
    case 'MICROSECOND': return (ms) => Math.round((tod(ms) % 60_000) * 1000);
    case 'NANOSECOND': return (ms) => Math.round((tod(ms) % 60_000) * 1000) * 1000;
    case 'EPOCH': return (ms) => Math.floor(ms / 1000);
    default: return undefined;
  }
}
