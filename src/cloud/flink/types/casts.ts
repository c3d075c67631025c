/**
 * CAST and TRY_CAST between runtime values, compiled per (source, target) type pair. Semantics follow
 * Flink 1.15+ (non-legacy casts): invalid text fails the statement (TRY_CAST gives NULL); integer
 * narrowing wraps like Java primitive casts; DOUBLE -> integer truncates and saturates like Java;
 * DECIMAL overflow gives NULL, and so does text that is not a number cast to DECIMAL (Flink's toDecimal); text to CHAR(n)/VARCHAR(n) is padded/truncated; TIMESTAMP <->
 * TIMESTAMP_LTZ uses the session time zone; numbers <-> TIMESTAMP_LTZ are seconds since epoch.
 * Whether a pair is allowed at all is `supportsExplicitCast` (type-rules.ts), checked at bind time.
 */
import type { LogicalType } from './types.js';
import { MAX_LENGTH } from './types.js';
import { printType } from './type-print.js';
import { SqlRuntimeError } from './sql-runtime-error.js';
import { isCharacterType, typesEqual } from './type-families.js';
import { compileToString } from './value-format.js';
import { decimalFromNumber, decimalToNumber, fitsPrecision, parseDecimal, pow10, rescale } from './decimal.js';
import { MS_PER_DAY, parseDate, parseTime, parseTimestamp } from './datetime.js';
import { instantToLocal, localToInstant } from './time-zone.js';
import { compileToBoolean, compileToDouble, compileToInteger } from './cast-numeric.js';

/** A compiled conversion of one non-null value. */
export type CastFn = (v: unknown) => unknown;

/** Options for compiling a cast. */
export interface CastOptions {
  /** Session time zone for TIMESTAMP <-> TIMESTAMP_LTZ (default UTC). */
  readonly timeZone?: string;
  /** TRY_CAST: failures give NULL instead of failing the statement. */
  readonly tryCast?: boolean;
}

/** Fails a cast with Flink-style text: Cannot cast 'abc' to INT. */
export function castFailure(v: unknown, to: LogicalType): never {
  const shown = typeof v === 'string' ? `'${v}'` : String(v);
  throw new SqlRuntimeError('cast-failed', `Cannot cast ${shown} to ${printType(to)}`);
}

/** Compiles CAST (or TRY_CAST) from `from` to `to`; the result maps NULL to NULL. */
export function compileCast(from: LogicalType, to: LogicalType, opts: CastOptions = {}): CastFn {
  if (from.kind === 'NULL') return () => null;
  const inner = compileNonNull(from, to, opts.timeZone ?? 'UTC');
  if (opts.tryCast) {
    return (v) => {
      if (v === null) return null;
      try { return inner(v); } catch (e) { if (e instanceof SqlRuntimeError) return null; throw e; }
    };
  }
  return (v) => (v === null ? null : inner(v));
}

/** Casts one value (convenience over compileCast, for tests and constant folding). */
export function castValue(v: unknown, from: LogicalType, to: LogicalType, opts: CastOptions = {}): unknown {
  return compileCast(from, to, opts)(v);
}

const encoder = new TextEncoder();

function compileNonNull(from: LogicalType, to: LogicalType, tz: string): CastFn {
  if (typesEqual(from, to, { ignoreNullability: true, ignoreTimeAttribute: true })) return (v) => v;
  switch (to.kind) {
    case 'CHAR': case 'VARCHAR': {
      const s = isCharacterType(from) ? (v: unknown) => v as string : compileToString(from, { timeZone: tz });
      const n = to.length;
      if (to.kind === 'CHAR') return (v) => { const x = s(v); return x.length >= n ? x.slice(0, n) : x.padEnd(n, ' '); };
      if (n === MAX_LENGTH) return s;
      return (v) => { const x = s(v); return x.length > n ? x.slice(0, n) : x; };
    }
    case 'BOOLEAN': return compileToBoolean(from, to);
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': return compileToInteger(from, to);
    case 'FLOAT': case 'DOUBLE': return compileToDouble(from, to);
    case 'DECIMAL': return compileToDecimal(from, to.precision, to.scale, to);
    case 'BINARY': case 'VARBINARY': {
      const bytes: CastFn = isCharacterType(from) ? (v) => encoder.encode(v as string) : (v) => v;
      const n = to.length;
      if (to.kind === 'BINARY') {
        return (v) => {
          const b = bytes(v) as Uint8Array;
          if (b.length === n) return b;
          const out = new Uint8Array(n); out.set(b.subarray(0, n)); return out;
        };
      }
      return n === MAX_LENGTH ? bytes : (v) => { const b = bytes(v) as Uint8Array; return b.length > n ? b.slice(0, n) : b; };
    }
    case 'DATE': return compileToDate(from, to, tz);
    case 'TIME': return compileToTime(from, to, tz);
    case 'TIMESTAMP': return compileToTimestamp(from, to, to.precision, tz);
    case 'TIMESTAMP_LTZ': return compileToLtz(from, to, to.precision, tz);
    case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME':
      return from.kind === 'BIGINT' ? (v) => Number(v as bigint) : (v) => v;
    case 'ARRAY': {
      if (from.kind !== 'ARRAY') return (v) => castFailure(v, to);
      const el = compileCast(from.element, to.element, { timeZone: tz });
      return (v) => (v as unknown[]).map(el);
    }
    case 'MULTISET': {
      if (from.kind !== 'MULTISET') return (v) => castFailure(v, to);
      const el = compileCast(from.element, to.element, { timeZone: tz });
      return (v) => { const m = new Map<unknown, number>(); for (const [k, n] of v as Map<unknown, number>) { const kk = el(k); m.set(kk, (m.get(kk) ?? 0) + n); } return m; };
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return (v) => castFailure(v, to);
      const k = compileCast(from.key, to.key, { timeZone: tz });
      const val = compileCast(from.value, to.value, { timeZone: tz });
      return (v) => { const m = new Map<unknown, unknown>(); for (const [a, b] of v as Map<unknown, unknown>) m.set(k(a), val(b)); return m; };
    }
    case 'ROW': {
      if (from.kind !== 'ROW') return (v) => castFailure(v, to);
      const fs = to.fields.map((f, i) => compileCast(from.fields[i]?.type ?? f.type, f.type, { timeZone: tz }));
      return (v) => fs.map((f, i) => f((v as unknown[])[i] ?? null));
    }
    case 'NULL': return () => null;
    default: return (v) => castFailure(v, to);
  }
}

function compileToDecimal(from: LogicalType, p: number, s: number, to: LogicalType): CastFn {
  const check = (u: bigint | undefined): bigint | null => (u !== undefined && fitsPrecision(u, p) ? u : null);
  switch (from.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': { const f = pow10(s); return (v) => check(BigInt(v as number) * f); }
    case 'BIGINT': { const f = pow10(s); return (v) => check((v as bigint) * f); }
    case 'DECIMAL': { const fs = from.scale; return (v) => check(rescale(v as bigint, fs, s)); }
    case 'FLOAT': case 'DOUBLE': return (v) => check(decimalFromNumber(v as number, s));
    case 'BOOLEAN': { const one = pow10(s); return (v) => check(v ? one : 0n); }
    // Flink's BinaryStringDataUtil.toDecimal gives NULL (not an error) for text that is not a number.
    case 'CHAR': case 'VARCHAR': return (v) => check(parseDecimal((v as string).trim(), s));
    case 'TIMESTAMP_LTZ': return (v) => check(rescale(BigInt(Math.floor(v as number)), 3, s));
    default: return (v) => castFailure(v, to);
  }
}

function truncateTs(p: number): (ms: number) => number {
  if (p >= 6) return (x) => x;
  if (p > 3) { const f = 10 ** (p - 3); return (x) => { const m = Math.floor(x); return m === x ? x : m + Math.floor(Math.round((x - m) * 1000) / (1000 / f)) / f; }; }
  const unit = 10 ** (3 - p);
  return unit === 1 ? (x) => Math.floor(x) : (x) => Math.floor(x / unit) * unit;
}

function compileToTimestamp(from: LogicalType, to: LogicalType, p: number, tz: string): CastFn {
  const trunc = truncateTs(p);
  switch (from.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => {
      const t = parseTimestamp((v as string).trim());
      return t === undefined ? castFailure(v, to) : trunc(t);
    };
    case 'DATE': return (v) => (v as number) * MS_PER_DAY;
    case 'TIME': return (v) => v;
    case 'TIMESTAMP': return (v) => trunc(v as number);
    case 'TIMESTAMP_LTZ': return (v) => trunc(instantToLocal(v as number, tz));
    default: return (v) => castFailure(v, to);
  }
}

function compileToLtz(from: LogicalType, to: LogicalType, p: number, tz: string): CastFn {
  const trunc = truncateTs(p);
  switch (from.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => {
      const t = parseTimestamp((v as string).trim());
      return t === undefined ? castFailure(v, to) : trunc(localToInstant(t, tz));
    };
    case 'DATE': return (v) => localToInstant((v as number) * MS_PER_DAY, tz);
    case 'TIMESTAMP': return (v) => trunc(localToInstant(v as number, tz));
    case 'TIMESTAMP_LTZ': return (v) => trunc(v as number);
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': return (v) => (v as number) * 1000;
    case 'BIGINT': return (v) => Number(v as bigint) * 1000;
    case 'DECIMAL': { const s = from.scale; return (v) => trunc(Math.floor(decimalToNumber(v as bigint, s) * 1000)); }
    case 'FLOAT': case 'DOUBLE': return (v) => trunc(Math.trunc((v as number) * 1000));
    default: return (v) => castFailure(v, to);
  }
}

function compileToDate(from: LogicalType, to: LogicalType, tz: string): CastFn {
  switch (from.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => {
      const text = (v as string).trim();
      const d = parseDate(text);
      if (d !== undefined) return d;
      const t = parseTimestamp(text);
      return t === undefined ? castFailure(v, to) : Math.floor(t / MS_PER_DAY);
    };
    case 'TIMESTAMP': return (v) => Math.floor((v as number) / MS_PER_DAY);
    case 'TIMESTAMP_LTZ': return (v) => Math.floor(instantToLocal(v as number, tz) / MS_PER_DAY);
    default: return (v) => castFailure(v, to);
  }
}

function compileToTime(from: LogicalType, to: LogicalType & { kind: 'TIME' }, tz: string): CastFn {
  const unit = 10 ** Math.max(0, 3 - to.precision);
  const trunc = (ms: number): number => (unit === 1 ? ms : Math.floor(ms / unit) * unit);
  const ofDay = (ms: number): number => trunc(((Math.floor(ms) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
  switch (from.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => {
      const t = parseTime((v as string).trim());
      return t === undefined ? castFailure(v, to) : trunc(t);
    };
    case 'TIME': return (v) => trunc(v as number);
    case 'TIMESTAMP': return (v) => ofDay(v as number);
    case 'TIMESTAMP_LTZ': return (v) => ofDay(instantToLocal(v as number, tz));
    default: return (v) => castFailure(v, to);
  }
}

