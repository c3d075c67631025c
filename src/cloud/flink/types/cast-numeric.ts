/** Casts to BOOLEAN, integer and approximate numeric targets (see casts.ts for the rules). */
import type { LogicalType } from './types.js';
import { SqlRuntimeError } from './sql-runtime-error.js';
import { printType } from './type-print.js';
import { decimalToNumber, pow10 } from './decimal.js';
import { doubleToInt, doubleToLong, wrapSmallint, wrapTinyint } from './values.js';

type CastFn = (v: unknown) => unknown;

function fail(v: unknown, to: LogicalType): never {
  const shown = typeof v === 'string' ? `'${v}'` : String(v);
  throw new SqlRuntimeError('cast-failed', `Cannot cast ${shown} to ${printType(to)}`);
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0']);

/** CAST(x AS BOOLEAN). */
export function compileToBoolean(from: LogicalType, to: LogicalType): CastFn {
  switch (from.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => {
      const s = (v as string).trim().toLowerCase();
      if (TRUE_WORDS.has(s)) return true;
      if (FALSE_WORDS.has(s)) return false;
      return fail(v, to);
    };
    case 'BIGINT': case 'DECIMAL': return (v) => v !== 0n;
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'FLOAT': case 'DOUBLE': return (v) => v !== 0;
    default: return (v) => fail(v, to);
  }
}

const SHORT_INT = /^[+-]?\d{1,15}$/;
const INT_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Parses integer text like Flink's BinaryStringDataUtil.toLong (fraction digits ignored). */
function parseIntegerText(text: string): bigint | undefined {
  const m = INT_TEXT.exec(text.trim());
  if (!m) return undefined;
  if (m[2] !== undefined) return m[1] === '-' ? -BigInt(m[2]) : BigInt(m[2]);
  return 0n;
}

const RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  TINYINT: [-128n, 127n], SMALLINT: [-32768n, 32767n], INTEGER: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

/** CAST(x AS TINYINT|SMALLINT|INT|BIGINT): Java narrowing (wraps) from numbers, checked from text. */
export function compileToInteger(from: LogicalType, to: LogicalType): CastFn {
  const big = to.kind === 'BIGINT';
  const bits = to.kind === 'TINYINT' ? 8 : to.kind === 'SMALLINT' ? 16 : 32;
  const wrapNum = to.kind === 'TINYINT' ? wrapTinyint : to.kind === 'SMALLINT' ? wrapSmallint : (x: number) => x | 0;
  const fromBig = big ? (x: bigint): unknown => BigInt.asIntN(64, x) : (x: bigint): unknown => Number(BigInt.asIntN(bits, x));
  switch (from.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INTEGER':
      return big ? (v) => BigInt(v as number) : (v) => wrapNum(v as number);
    case 'BIGINT': return big ? (v) => v : (v) => fromBig(v as bigint);
    case 'DECIMAL': { const f = pow10(from.scale); return (v) => fromBig((v as bigint) / f); }
    case 'FLOAT': case 'DOUBLE':
      return big ? (v) => doubleToLong(v as number) : (v) => wrapNum(doubleToInt(v as number));
    case 'BOOLEAN': return big ? (v) => (v ? 1n : 0n) : (v) => (v ? 1 : 0);
    case 'CHAR': case 'VARCHAR': {
      const range = RANGES[to.kind] as readonly [bigint, bigint];
      const lo = Number(range[0]); const hi = Number(range[1]);
      return (v) => {
        const text = v as string;
        if (SHORT_INT.test(text)) {
          // Fast path: up to 15 digits parse exactly as a double.
          const x = Number(text);
          if (x < lo || x > hi) return fail(v, to);
          return big ? BigInt(x) : x;
        }
        const n = parseIntegerText(text);
        if (n === undefined || n < range[0] || n > range[1]) return fail(v, to);
        return big ? n : Number(n);
      };
    }
    case 'TIMESTAMP_LTZ': return (v) => fromBig(BigInt(Math.trunc((v as number) / 1000)));
    case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME': return big ? (v) => BigInt(v as number) : (v) => wrapNum(v as number);
    default: return (v) => fail(v, to);
  }
}

const DOUBLE_TEXT = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[dDfF]?$/;

/** CAST(x AS FLOAT|DOUBLE). */
export function compileToDouble(from: LogicalType, to: LogicalType): CastFn {
  const round = to.kind === 'FLOAT' ? Math.fround : (x: number) => x;
  switch (from.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'FLOAT': case 'DOUBLE': return (v) => round(v as number);
    case 'BIGINT': return (v) => round(Number(v as bigint));
    case 'DECIMAL': { const s = from.scale; return (v) => round(decimalToNumber(v as bigint, s)); }
    case 'BOOLEAN': return (v) => (v ? 1 : 0);
    case 'CHAR': case 'VARCHAR': return (v) => {
      const s = (v as string).trim();
      if (!DOUBLE_TEXT.test(s)) return fail(v, to);
      return round(Number(s.replace(/[dDfF]$/, '')));
    };
    case 'TIMESTAMP_LTZ': return (v) => round((v as number) / 1000);
    default: return (v) => fail(v, to);
  }
}
