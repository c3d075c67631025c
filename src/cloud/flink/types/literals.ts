/**
 * SQL literals as typed runtime values, for the binder: numeric literals get Flink's types (INT,
 * BIGINT, DECIMAL(p, s) for exact literals like 2.5, DOUBLE with an exponent), string literals are
 * CHAR(n), and DATE/TIME/TIMESTAMP/INTERVAL literals are parsed here. Errors are messages.
 */
import type { DayTimeResolution, LogicalType, YearMonthResolution } from './types.js';
import { MAX_DECIMAL_PRECISION } from './types.js';
import { parseDate, parseTimeParts, parseTimestamp } from './datetime.js';
import { localToInstant } from './time-zone.js';

/** A literal's type and runtime value. */
export interface TypedLiteral { readonly type: LogicalType; readonly value: unknown }

/** Types a numeric literal's text ('10', '2.5', '1e3', '9223372036854775808'). */
export function numericLiteral(text: string): TypedLiteral | string {
  const t = text.trim();
  if (/[eE]/.test(t)) {
    const x = Number(t);
    return Number.isFinite(x) ? { type: { kind: 'DOUBLE', nullable: false }, value: x } : `Numeric literal '${text}' out of range`;
  }
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return `Invalid numeric literal '${text}'`;
  const intDigits = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  const frac = m[3];
  const sign = m[1] === '-' ? -1n : 1n;
  if (frac === undefined) {
    const v = sign * BigInt(intDigits || '0');
    if (v >= -2147483648n && v <= 2147483647n) return { type: { kind: 'INTEGER', nullable: false }, value: Number(v) };
    if (v >= -9223372036854775808n && v <= 9223372036854775807n) return { type: { kind: 'BIGINT', nullable: false }, value: v };
    if (intDigits.length > MAX_DECIMAL_PRECISION) return `Numeric literal '${text}' out of range`;
    return { type: { kind: 'DECIMAL', precision: intDigits.length, scale: 0, nullable: false }, value: v };
  }
  const digits = (intDigits === '0' ? '' : intDigits) + frac;
  const precision = Math.max(digits.replace(/^0+(?=\d)/, '').length, frac.length, 1);
  if (precision > MAX_DECIMAL_PRECISION) return `Numeric literal '${text}' out of range`;
  return { type: { kind: 'DECIMAL', precision, scale: frac.length, nullable: false }, value: sign * BigInt(intDigits + frac || '0') };
}

/** A character literal: CHAR(n) NOT NULL. */
export function stringLiteral(value: string): TypedLiteral {
  return { type: { kind: 'CHAR', length: value.length, nullable: false }, value };
}

/** DATE 'yyyy-MM-dd'. */
export function dateLiteral(text: string): TypedLiteral | string {
  const d = parseDate(text.trim());
  return d === undefined ? `Illegal DATE literal '${text}'` : { type: { kind: 'DATE', nullable: false }, value: d };
}

/** TIME 'HH:mm:ss[.fff]'; precision from the fraction digits (max 3 kept). */
export function timeLiteral(text: string): TypedLiteral | string {
  const t = text.trim();
  const p = parseTimeParts(t);
  if (p === undefined) return `Illegal TIME literal '${text}'`;
  const frac = /\.(\d+)$/.exec(t)?.[1]?.length ?? 0;
  return { type: { kind: 'TIME', precision: Math.min(frac, 3), nullable: false }, value: p[0] };
}

/** TIMESTAMP '…' (or TIMESTAMP_LTZ '…' in the session zone); precision from the fraction, at least 0. */
export function timestampLiteral(text: string, opts: { ltz?: boolean; timeZone?: string } = {}): TypedLiteral | string {
  const t = text.trim();
  const v = parseTimestamp(t);
  if (v === undefined) return `Illegal TIMESTAMP literal '${text}'`;
  const precision = Math.min(/\.(\d+)$/.exec(t)?.[1]?.length ?? 0, 9);
  if (opts.ltz) return { type: { kind: 'TIMESTAMP_LTZ', precision, nullable: false }, value: localToInstant(v, opts.timeZone ?? 'UTC') };
  return { type: { kind: 'TIMESTAMP', precision, nullable: false }, value: v };
}

type Unit = 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND';
const UNIT_MS: Readonly<Record<string, number>> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000 };
const DAY_TIME_ORDER: readonly Unit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];

/**
 * INTERVAL '…' from [TO to]: '1-2' YEAR TO MONTH = 14 months, '1 02:03:04.5' DAY TO SECOND,
 * '90' MINUTE, '-3' DAY. Values are months or millis (see values.ts).
 */
export function intervalLiteral(text: string, from: Unit, to?: Unit): TypedLiteral | string {
  let t = text.trim();
  let sign = 1;
  if (t.startsWith('-')) { sign = -1; t = t.slice(1).trim(); } else if (t.startsWith('+')) t = t.slice(1).trim();
  const bad = `Illegal interval literal '${text}' for ${to ? `${from} TO ${to}` : from}`;
  if (from === 'YEAR' || from === 'MONTH') {
    const res = (to ? `${from}_TO_${to}` : from) as YearMonthResolution;
    if (res !== 'YEAR' && res !== 'MONTH' && res !== 'YEAR_TO_MONTH') return bad;
    const m = res === 'YEAR_TO_MONTH' ? /^(\d+)-(\d+)$/.exec(t) : /^(\d+)$/.exec(t);
    if (!m) return bad;
    const months = res === 'YEAR_TO_MONTH' ? Number(m[1]) * 12 + Number(m[2]) : res === 'YEAR' ? Number(m[1]) * 12 : Number(m[1]);
    if (res === 'YEAR_TO_MONTH' && Number(m[2]) > 11) return bad;
    return { type: { kind: 'INTERVAL_YEAR_MONTH', resolution: res, yearPrecision: 2, nullable: false }, value: sign * months };
  }
  const i0 = DAY_TIME_ORDER.indexOf(from);
  const i1 = to ? DAY_TIME_ORDER.indexOf(to) : i0;
  if (i0 < 0 || i1 < i0) return bad;
  const units = DAY_TIME_ORDER.slice(i0, i1 + 1);
  const parts = t.split(/[ :]/);
  if (parts.length !== units.length) return bad;
  let ms = 0;
  let fractional = 0;
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as Unit; const p = parts[k] as string;
    const m = u === 'SECOND' ? /^(\d+)(?:\.(\d{1,9}))?$/.exec(p) : /^(\d+)$/.exec(p);
    if (!m) return bad;
    if (k > 0 && ((u === 'HOUR' && Number(m[1]) > 23) || ((u === 'MINUTE' || u === 'SECOND') && Number(m[1]) > 59))) return bad;
    ms += Number(m[1]) * (UNIT_MS[u] ?? 0);
    if (m[2] !== undefined) { fractional = m[2].length; ms += Math.floor(Number(m[2].padEnd(9, '0')) / 1_000_000); }
  }
  const resolution = (to && to !== from ? `${from}_TO_${to}` : from) as DayTimeResolution;
  return {
    type: { kind: 'INTERVAL_DAY_TIME', resolution, dayPrecision: 2, fractionalPrecision: Math.max(fractional, units.includes('SECOND') ? 6 : 0), nullable: false },
    value: sign * ms,
  };
}
