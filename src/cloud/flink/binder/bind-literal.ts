/**
 * Literals → typed constants in the runtime value representation of flink/types: integer literals
 * are INT (BIGINT past int32, DECIMAL past int64), `1.5` is DECIMAL(2, 1), `1e3` DOUBLE, `'ab'` is
 * CHAR(2) NOT NULL as in Flink, typed literals parse their text, intervals become months or millis.
 */
import type { IntervalLiteral, NumericLiteral, TypedLiteral } from '../sql/index.js';
import {
  bigintType, charType, dateType, dayTimeIntervalType, decimalType, doubleType, intType, localToInstant, MAX_DECIMAL_PRECISION,
  parseDate, parseTime, parseTimestamp, timeType, timestampLtzType, timestampType, yearMonthIntervalType,
} from '../types/index.js';
import type { DayTimeResolution, LogicalType, YearMonthResolution } from '../types/index.js';

/** A literal's value and type, or the reason it is invalid. */
export type LiteralResult = { readonly value: unknown; readonly type: LogicalType } | string;

/** Types a numeric literal. */
export function numericLiteral(lit: NumericLiteral): LiteralResult {
  const text = lit.text;
  if (/[eE]/.test(text)) return { value: Number(text), type: doubleType({ nullable: false }) };
  const dot = text.indexOf('.');
  if (dot < 0) {
    const n = BigInt(text);
    if (n >= -2147483648n && n <= 2147483647n) return { value: Number(n), type: intType({ nullable: false }) };
    if (n >= -9223372036854775808n && n <= 9223372036854775807n) return { value: n, type: bigintType({ nullable: false }) };
    return decimalLiteral(text.replace(/^-/, '').length, 0, n);
  }
  const scale = text.length - dot - 1;
  const digits = text.replace('.', '').replace(/^-/, '');
  const unscaled = BigInt(text.replace('.', '') || '0');
  const precision = Math.max(digits.replace(/^0+(?=\d)/, '').length, scale, 1);
  return decimalLiteral(precision, scale, unscaled);
}

function decimalLiteral(precision: number, scale: number, unscaled: bigint): LiteralResult {
  if (precision > MAX_DECIMAL_PRECISION) return `Numeric literal is out of range: precision ${precision} exceeds ${MAX_DECIMAL_PRECISION}`;
  return { value: unscaled, type: decimalType(precision, scale, { nullable: false }) };
}

/** A string literal: CHAR(n) NOT NULL (n ≥ 1). */
export function stringLiteral(value: string): LiteralResult {
  return { value, type: charType(Math.max(1, value.length), { nullable: false }) };
}

/** `DATE '…'`, `TIME '…'`, `TIMESTAMP '…'`, `TIMESTAMP_LTZ '…'` (the last read in the session time zone). */
export function typedLiteral(lit: TypedLiteral, timeZone: string): LiteralResult {
  const text = lit.value.trim();
  switch (lit.type) {
    case 'DATE': {
      const v = parseDate(text);
      return v === undefined ? `Illegal DATE literal '${lit.value}'` : { value: v, type: dateType({ nullable: false }) };
    }
    case 'TIME': {
      const v = parseTime(text);
      return v === undefined ? `Illegal TIME literal '${lit.value}'` : { value: v, type: timeType(fractionDigits(text), { nullable: false }) };
    }
    case 'TIMESTAMP': {
      const v = parseTimestamp(text);
      return v === undefined ? `Illegal TIMESTAMP literal '${lit.value}'` : { value: v, type: timestampType(fractionDigits(text), { nullable: false }) };
    }
    case 'TIMESTAMP_LTZ': {
      const v = parseTimestamp(text);
      return v === undefined ? `Illegal TIMESTAMP_LTZ literal '${lit.value}'` : { value: localToInstant(v, timeZone), type: timestampLtzType(fractionDigits(text), { nullable: false }) };
    }
  }
}

function fractionDigits(text: string): number {
  const m = /\.(\d+)$/.exec(text);
  return m === null ? 0 : Math.min((m[1] ?? '').length, 9);
}

const MS: Readonly<Record<string, number>> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000 };

/** `INTERVAL '…' unit [TO unit]` → months (year-month) or millis (day-time). */
export function intervalLiteral(lit: IntervalLiteral): LiteralResult {
  const q = lit.qualifier;
  const raw = lit.value.trim();
  const sign = raw.startsWith('-') ? -1 : 1;
  const text = raw.replace(/^[-+]/, '');
  const bad = `Illegal interval literal '${lit.value}'`;
  if (q.start === 'YEAR' || q.start === 'MONTH') {
    const m = q.end === 'MONTH' ? /^(\d+)-(\d+)$/.exec(text) : /^(\d+)$/.exec(text);
    if (m === null) return bad;
    const months = q.start === 'MONTH' ? Number(m[1]) : Number(m[1]) * 12 + Number(m[2] ?? 0);
    const res: YearMonthResolution = q.end === 'MONTH' ? 'YEAR_TO_MONTH' : q.start;
    return { value: sign * months, type: yearMonthIntervalType(res, Math.max(q.startPrecision ?? 2, 1), { nullable: false }) };
  }
  const unitMs = MS[q.start];
  if (unitMs === undefined) return bad;
  // d h:m:s.fff with the leading unit given by the qualifier start.
  const parts = /^(\d+)(?:[ :](\d+))?(?::(\d+))?(?::(\d+))?(?:\.(\d+))?$/.exec(text);
  if (parts === null) return bad;
  const order = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  let idx = order.indexOf(q.start);
  let ms = 0;
  for (const p of [parts[1], parts[2], parts[3], parts[4]]) {
    if (p === undefined) continue;
    ms += Number(p) * (MS[order[idx] ?? 'SECOND'] ?? 1000);
    idx++;
  }
  if (parts[5] !== undefined) ms += Math.round(Number(`0.${parts[5]}`) * 1000);
  const res = (q.end === undefined ? q.start : `${q.start}_TO_${q.end}`) as DayTimeResolution;
  return { value: sign * ms, type: dayTimeIntervalType(res, Math.max(q.startPrecision ?? 2, 1), q.fractionalPrecision ?? 6, { nullable: false }) };
}
