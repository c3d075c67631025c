/**
 * Arithmetic operators `+ - * / %` (and MOD), unary minus, and datetime/interval arithmetic.
 * Result types follow Flink: integer operands keep the wider integer type and wrap on overflow
 * like Java (7 / 2 = 3, -7 % 3 = -1); DECIMAL uses LogicalTypeMerging precision/scale with HALF_UP
 * rounding and NULL on overflow; FLOAT/DOUBLE are IEEE. Integer or DECIMAL division by zero fails
 * the statement.
 */
import {
  asDecimal, decimalAddType, decimalDivideType, decimalModType, decimalMultiplyType, divHalfUp, fitsPrecision,
  isApproxNumericType, isDatetimeType, isIntegerType, isNumericType, leastRestrictive, pow10, printType, rescale,
  SqlRuntimeError, toScaledBigint, wrapSmallint, wrapTinyint, MS_PER_DAY, withNullable, doubleType, floatType, withoutTimeAttribute,
} from '../types/index.js';
import type { DecimalType, LogicalType } from '../types/index.js';
import type { Binding, CallSite, FunctionDef, ScalarFn } from './types.js';
import { defineFunction, numberReader, strict } from './function-def.js';
import { addMonthsToTimestamp } from './temporal-arith.js';

type Op = '+' | '-' | '*' | '/' | '%';

function divZero(): never { throw new SqlRuntimeError('division-by-zero', 'Arithmetic error: / by zero'); }

/** Result type of a numeric binary operation, or undefined. */
export function numericResultType(op: Op, a: LogicalType, b: LogicalType): LogicalType | undefined {
  const nullable = a.nullable || b.nullable;
  if (a.kind === 'NULL' && b.kind === 'NULL') return undefined;
  if (a.kind === 'NULL') return numericResultType(op, withNullable(b, true), b);
  if (b.kind === 'NULL') return numericResultType(op, a, withNullable(a, true));
  if (!isNumericType(a) || !isNumericType(b)) return undefined;
  if (isApproxNumericType(a) || isApproxNumericType(b)) {
    const onlyFloat = (a.kind === 'FLOAT' || isIntegerType(a)) && (b.kind === 'FLOAT' || isIntegerType(b));
    return onlyFloat ? floatType({ nullable }) : doubleType({ nullable });
  }
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    const da = asDecimal(a); const db = asDecimal(b);
    const t = op === '*' ? decimalMultiplyType(da, db) : op === '/' ? decimalDivideType(da, db) : op === '%' ? decimalModType(da, db) : decimalAddType(da, db);
    return withNullable(t, nullable);
  }
  return leastRestrictive([a, b]);
}

function compileNumeric(op: Op, a: LogicalType, b: LogicalType, r: LogicalType): ScalarFn {
  switch (r.kind) {
    case 'FLOAT': case 'DOUBLE': {
      const ra = numberReader(a); const rb = numberReader(b);
      const round = r.kind === 'FLOAT' ? Math.fround : (x: number) => x;
      const direct = a.kind !== 'BIGINT' && a.kind !== 'DECIMAL' && b.kind !== 'BIGINT' && b.kind !== 'DECIMAL';
      switch (op) {
        case '+': return direct ? (x, y) => round((x as number) + (y as number)) : (x, y) => round(ra(x) + rb(y));
        case '-': return direct ? (x, y) => round((x as number) - (y as number)) : (x, y) => round(ra(x) - rb(y));
        case '*': return direct ? (x, y) => round((x as number) * (y as number)) : (x, y) => round(ra(x) * rb(y));
        case '/': return (x, y) => round(ra(x) / rb(y));
        case '%': return (x, y) => round(ra(x) % rb(y));
      }
      break;
    }
    case 'INTEGER': case 'SMALLINT': case 'TINYINT': {
      const w = r.kind === 'INTEGER' ? (x: number) => x | 0 : r.kind === 'SMALLINT' ? wrapSmallint : wrapTinyint;
      switch (op) {
        case '+': return r.kind === 'INTEGER' ? (x, y) => ((x as number) + (y as number)) | 0 : (x, y) => w((x as number) + (y as number));
        case '-': return (x, y) => w((x as number) - (y as number));
        case '*': return (x, y) => w(Math.imul(x as number, y as number));
        case '/': return (x, y) => (y === 0 ? divZero() : w(Math.trunc((x as number) / (y as number))));
        case '%': return (x, y) => (y === 0 ? divZero() : w((x as number) % (y as number)));
      }
      break;
    }
    case 'BIGINT': {
      const ra = a.kind === 'BIGINT' ? (x: unknown) => x as bigint : (x: unknown) => BigInt(x as number);
      const rb = b.kind === 'BIGINT' ? (x: unknown) => x as bigint : (x: unknown) => BigInt(x as number);
      const both = a.kind === 'BIGINT' && b.kind === 'BIGINT';
      switch (op) {
        case '+': return both ? (x, y) => BigInt.asIntN(64, (x as bigint) + (y as bigint)) : (x, y) => BigInt.asIntN(64, ra(x) + rb(y));
        case '-': return both ? (x, y) => BigInt.asIntN(64, (x as bigint) - (y as bigint)) : (x, y) => BigInt.asIntN(64, ra(x) - rb(y));
        case '*': return both ? (x, y) => BigInt.asIntN(64, (x as bigint) * (y as bigint)) : (x, y) => BigInt.asIntN(64, ra(x) * rb(y));
        case '/': return (x, y) => { const d = rb(y); return d === 0n ? divZero() : BigInt.asIntN(64, ra(x) / d); };
        case '%': return (x, y) => { const d = rb(y); return d === 0n ? divZero() : ra(x) % d; };
      }
      break;
    }
    case 'DECIMAL': return compileDecimal(op, asDecimal(a), asDecimal(b), a, b, r);
    default: break;
  }
  throw new TypeError(`no numeric kernel for ${printType(r)}`);
}

function compileDecimal(op: Op, da: DecimalType, db: DecimalType, a: LogicalType, b: LogicalType, r: DecimalType): ScalarFn {
  const p = r.precision; const s = r.scale;
  const fit = (u: bigint): bigint | null => (fitsPrecision(u, p) ? u : null);
  switch (op) {
    case '+': case '-': {
      const S = Math.max(da.scale, db.scale);
      const ra = toScaledBigint(a, S); const rb = toScaledBigint(b, S);
      return op === '+'
        ? (x, y) => fit(rescale(ra(x) + rb(y), S, s))
        : (x, y) => fit(rescale(ra(x) - rb(y), S, s));
    }
    case '*': {
      const ra = toScaledBigint(a, da.scale); const rb = toScaledBigint(b, db.scale);
      const S = da.scale + db.scale;
      return (x, y) => fit(rescale(ra(x) * rb(y), S, s));
    }
    case '/': {
      const ra = toScaledBigint(a, da.scale); const rb = toScaledBigint(b, db.scale);
      const k = s + db.scale - da.scale;
      const fn = k >= 0 ? pow10(k) : 1n; const fd = k < 0 ? pow10(-k) : 1n;
      return (x, y) => { const d = rb(y); return d === 0n ? divZero() : fit(divHalfUp(ra(x) * fn, d * fd)); };
    }
    case '%': {
      const S = Math.max(da.scale, db.scale);
      const ra = toScaledBigint(a, S); const rb = toScaledBigint(b, S);
      return (x, y) => { const d = rb(y); return d === 0n ? divZero() : fit(rescale(ra(x) % d, S, s)); };
    }
  }
}

function bindTemporal(op: Op, a: LogicalType, b: LogicalType): Binding | undefined {
  const nullable = a.nullable || b.nullable;
  if (op === '+' && (a.kind === 'INTERVAL_DAY_TIME' || a.kind === 'INTERVAL_YEAR_MONTH') && isDatetimeType(b)) {
    const inner = bindTemporal('+', b, a);
    return inner && { type: inner.type, make: () => { const f = inner.make(); return (x, y) => f(y, x); } };
  }
  if ((op === '+' || op === '-') && isDatetimeType(a) && (b.kind === 'INTERVAL_DAY_TIME' || b.kind === 'INTERVAL_YEAR_MONTH')) {
    const sign = op === '+' ? 1 : -1;
    // An expression over a rowtime/proctime column is a plain timestamp (the marker is dropped).
    const type = withNullable(withoutTimeAttribute(a), nullable);
    if (b.kind === 'INTERVAL_YEAR_MONTH') {
      if (a.kind === 'TIME') return { type, make: () => strict(2, (x) => x) };
      if (a.kind === 'DATE') return { type, make: () => strict(2, (x, y) => Math.floor(addMonthsToTimestamp((x as number) * MS_PER_DAY, sign * (y as number)) / MS_PER_DAY)) };
      return { type, make: () => strict(2, (x, y) => addMonthsToTimestamp(x as number, sign * (y as number))) };
    }
    if (a.kind === 'DATE') return { type, make: () => strict(2, (x, y) => Math.floor(((x as number) * MS_PER_DAY + sign * (y as number)) / MS_PER_DAY)) };
    if (a.kind === 'TIME') return { type, make: () => strict(2, (x, y) => ((((x as number) + sign * (y as number)) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) };
    return { type, make: () => strict(2, (x, y) => (x as number) + sign * (y as number)) };
  }
  if ((op === '+' || op === '-') && a.kind === b.kind && (a.kind === 'INTERVAL_DAY_TIME' || a.kind === 'INTERVAL_YEAR_MONTH')) {
    return { type: withNullable(a, nullable), make: () => strict(2, op === '+' ? (x, y) => (x as number) + (y as number) : (x, y) => (x as number) - (y as number)) };
  }
  if ((op === '*' || op === '/') && (a.kind === 'INTERVAL_DAY_TIME' || a.kind === 'INTERVAL_YEAR_MONTH') && isNumericType(b)) {
    const rb = numberReader(b);
    return { type: withNullable(a, nullable), make: () => strict(2, op === '*' ? (x, y) => Math.trunc((x as number) * rb(y)) : (x, y) => Math.trunc((x as number) / rb(y))) };
  }
  if (op === '*' && isNumericType(a) && (b.kind === 'INTERVAL_DAY_TIME' || b.kind === 'INTERVAL_YEAR_MONTH')) {
    const ra = numberReader(a);
    return { type: withNullable(b, nullable), make: () => strict(2, (x, y) => Math.trunc(ra(x) * (y as number))) };
  }
  return undefined;
}

function bindBinary(op: Op, site: CallSite): Binding | string {
  const [a, b] = site.argTypes;
  if (site.argTypes.length !== 2 || a === undefined || b === undefined) return 'expects two operands';
  const t = bindTemporal(op, a, b);
  if (t) return t;
  const r = numericResultType(op, a, b);
  if (r === undefined) return `cannot apply '${op}' to ${printType(a)} and ${printType(b)}`;
  const aa = a.kind === 'NULL' ? r : a;
  const bb = b.kind === 'NULL' ? r : b;
  return { type: r, make: () => strict(2, compileNumeric(op, aa, bb, r)) };
}

function negate(t: LogicalType): ScalarFn {
  switch (t.kind) {
    case 'BIGINT': return (x) => BigInt.asIntN(64, -(x as bigint));
    case 'DECIMAL': return (x) => -(x as bigint);
    case 'INTEGER': return (x) => -(x as number) | 0;
    case 'SMALLINT': return (x) => wrapSmallint(-(x as number));
    case 'TINYINT': return (x) => wrapTinyint(-(x as number));
    default: return (x) => -(x as number);
  }
}

const SIGS: Readonly<Record<Op, readonly string[]>> = {
  '+': ['<NUMERIC> + <NUMERIC>', '<DATETIME> + <INTERVAL>', '<INTERVAL> + <INTERVAL>', '+ <NUMERIC>'],
  '-': ['<NUMERIC> - <NUMERIC>', '<DATETIME> - <INTERVAL>', '<INTERVAL> - <INTERVAL>', '- <NUMERIC>'],
  '*': ['<NUMERIC> * <NUMERIC>', '<INTERVAL> * <NUMERIC>'],
  '/': ['<NUMERIC> / <NUMERIC>', '<INTERVAL> / <NUMERIC>'],
  '%': ['<NUMERIC> % <NUMERIC>'],
};

function arithmetic(op: Op, name: string = op): FunctionDef {
  return defineFunction({
    name, signatures: SIGS[op],
    bind: (site) => {
      if ((op === '-' || op === '+') && site.argTypes.length === 1) {
        const t = site.argTypes[0] as LogicalType;
        if (!isNumericType(t) && t.kind !== 'INTERVAL_DAY_TIME' && t.kind !== 'INTERVAL_YEAR_MONTH') return `cannot negate ${printType(t)}`;
        return { type: t, make: () => (op === '+' ? (x: unknown) => x : strict(1, negate(t))) };
      }
      return bindBinary(op, site);
    },
  });
}

/** Arithmetic operators and MOD. */
export const arithmeticFunctions: readonly FunctionDef[] = [
  arithmetic('+'), arithmetic('-'), arithmetic('*'), arithmetic('/'), arithmetic('%'), arithmetic('%', 'MOD'),
];
