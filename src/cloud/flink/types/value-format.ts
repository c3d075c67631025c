/**
 * Text of runtime values: CAST(x AS STRING) (`compileToString`) and the sql/v1 results / shell
 * rendering (`formatValue`): atomic values as strings, NULL as null, ARRAY/ROW as arrays,
 * MAP/MULTISET as [[key, value], …] pairs.
 */
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from './types.js';
import { decimalToString } from './decimal.js';
import { formatDate, formatTime, formatTimestamp } from './datetime.js';
import { formatDouble, formatFloat } from './number-format.js';
import { instantToLocal } from './time-zone.js';

/** Options for rendering: the session time zone for TIMESTAMP_LTZ. */
export interface FormatOptions { readonly timeZone?: string }

const utf8 = new TextDecoder('utf-8');

/** Compiles CAST(value AS STRING) for a non-null value of type `t`. */
export function compileToString(t: LogicalType, opts: FormatOptions = {}): (v: unknown) => string {
  const tz = opts.timeZone ?? 'UTC';
  switch (t.kind) {
    case 'BOOLEAN': return (v) => (v ? 'TRUE' : 'FALSE');
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': return (v) => String(v);
    case 'FLOAT': return (v) => formatFloat(v as number);
    case 'DOUBLE': return (v) => formatDouble(v as number);
    case 'DECIMAL': { const s = t.scale; return (v) => decimalToString(v as bigint, s); }
    case 'CHAR': case 'VARCHAR': return (v) => v as string;
    case 'BINARY': case 'VARBINARY': return (v) => utf8.decode(v as Uint8Array);
    case 'DATE': return (v) => formatDate(v as number);
    case 'TIME': { const p = t.precision; return (v) => formatTime(v as number, p); }
    case 'TIMESTAMP': { const p = t.precision; return (v) => formatTimestamp(v as number, p); }
    case 'TIMESTAMP_LTZ': {
      const p = t.precision;
      return tz === 'UTC' ? (v) => formatTimestamp(v as number, p) : (v) => formatTimestamp(instantToLocal(v as number, tz), p);
    }
    case 'INTERVAL_YEAR_MONTH': return (v) => formatYearMonth(v as number);
    case 'INTERVAL_DAY_TIME': return (v) => formatDayTime(v as number);
    case 'ARRAY': {
      const el = nullSafe(compileToString(t.element, opts));
      return (v) => `[${(v as unknown[]).map(el).join(', ')}]`;
    }
    case 'MULTISET': {
      const el = nullSafe(compileToString(t.element, opts));
      return (v) => `{${[...(v as Map<unknown, number>)].map(([k, n]) => `${el(k)}=${n}`).join(', ')}}`;
    }
    case 'MAP': {
      const k = nullSafe(compileToString(t.key, opts));
      const val = nullSafe(compileToString(t.value, opts));
      return (v) => `{${[...(v as Map<unknown, unknown>)].map(([a, b]) => `${k(a)}=${val(b)}`).join(', ')}}`;
    }
    case 'ROW': {
      const fs = t.fields.map((f) => nullSafe(compileToString(f.type, opts)));
      return (v) => `(${fs.map((f, i) => f((v as unknown[])[i])).join(', ')})`;
    }
    case 'NULL': return () => 'NULL';
    default: return assertNever(t, 'logical type');
  }
}

function nullSafe(f: (v: unknown) => string): (v: unknown) => string {
  return (v) => (v === null || v === undefined ? 'NULL' : f(v));
}

/** '+Y-MM' (Flink's INTERVAL YEAR TO MONTH text). */
export function formatYearMonth(months: number): string {
  const sign = months < 0 ? '-' : '+';
  const m = Math.abs(months);
  return `${sign}${Math.floor(m / 12)}-${String(m % 12).padStart(2, '0')}`;
}

/** '+D HH:mm:ss.SSS' (Flink's INTERVAL DAY TO SECOND text). */
export function formatDayTime(millis: number): string {
  const sign = millis < 0 ? '-' : '+';
  const ms = Math.abs(millis);
  const d = Math.floor(ms / 86_400_000);
  return `${sign}${d} ${formatTime(ms % 86_400_000, 3)}`;
}

/** A rendered result cell: string for atomic values, null, or nested arrays. */
export type FormattedValue = string | null | FormattedValue[];

/** Compiles the results-API rendering of values of type `t` (null-safe). */
export function compileFormatter(t: LogicalType, opts: FormatOptions = {}): (v: unknown) => FormattedValue {
  switch (t.kind) {
    case 'ARRAY': {
      const el = compileFormatter(t.element, opts);
      return (v) => (v === null || v === undefined ? null : (v as unknown[]).map(el));
    }
    case 'ROW': {
      const fs = t.fields.map((f) => compileFormatter(f.type, opts));
      return (v) => (v === null || v === undefined ? null : fs.map((f, i) => f((v as unknown[])[i])));
    }
    case 'MAP': {
      const k = compileFormatter(t.key, opts);
      const val = compileFormatter(t.value, opts);
      return (v) => (v === null || v === undefined ? null : [...(v as Map<unknown, unknown>)].map(([a, b]) => [k(a), val(b)]));
    }
    case 'MULTISET': {
      const k = compileFormatter(t.element, opts);
      return (v) => (v === null || v === undefined ? null : [...(v as Map<unknown, number>)].map(([a, n]) => [k(a), String(n)]));
    }
    case 'BINARY': case 'VARBINARY':
      return (v) => (v === null || v === undefined ? null : `x'${Buffer.from(v as Uint8Array).toString('hex')}'`);
    default: {
      const s = compileToString(t, opts);
      return (v) => (v === null || v === undefined ? null : s(v));
    }
  }
}

/** Renders one value for the results API (convenience over compileFormatter). */
export function formatValue(value: unknown, type: LogicalType, opts: FormatOptions = {}): FormattedValue {
  return compileFormatter(type, opts)(value);
}
