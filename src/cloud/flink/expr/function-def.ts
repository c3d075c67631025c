/**
 * Building blocks for function definitions: `defineFunction`, argument family checks, NULL-strict
 * wrappers specialised by arity, and readers that turn any numeric representation into a number.
 */
import {
  bigintType, booleanType, decimalToNumber, doubleType, intType, isBinaryType, isCharacterType, isDatetimeType,
  isIntegerType, isNumericType, isTimestampType, pow10, printType, stringType, withNullable,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { Binding, CallSite, FunctionDef, ScalarFn } from './types.js';

/** Specification of a function: `bind` returns the binding or the reason the arguments don't fit. */
export interface FunctionSpec {
  readonly name: string;
  readonly signatures: readonly string[];
  readonly deterministic?: boolean;
  readonly bind: (site: CallSite) => Binding | string;
}

/** Turns a spec into a FunctionDef. */
export function defineFunction(spec: FunctionSpec): FunctionDef {
  return {
    name: spec.name,
    signatures: spec.signatures,
    deterministic: spec.deterministic ?? true,
    inferType: (site) => { const b = spec.bind(site); return typeof b === 'string' ? b : b.type; },
    compile: (site) => {
      const b = spec.bind(site);
      if (typeof b === 'string') throw new TypeError(`${spec.name}: ${b}`);
      return b.make();
    },
  };
}

/** Argument families used by signatures. */
export type Family =
  | 'ANY' | 'STRING' | 'BINARY' | 'STRING_OR_BINARY' | 'BOOLEAN' | 'INTEGER' | 'NUMERIC' | 'DATE' | 'TIME'
  | 'TIMESTAMP' | 'DATETIME' | 'ARRAY' | 'MAP' | 'INTERVAL';

/** Whether a type belongs to a family (the NULL type belongs to every family). */
export function inFamily(t: LogicalType, f: Family): boolean {
  if (t.kind === 'NULL' || f === 'ANY') return true;
  switch (f) {
    case 'STRING': return isCharacterType(t);
    case 'BINARY': return isBinaryType(t);
    case 'STRING_OR_BINARY': return isCharacterType(t) || isBinaryType(t);
    case 'BOOLEAN': return t.kind === 'BOOLEAN';
    case 'INTEGER': return isIntegerType(t);
    case 'NUMERIC': return isNumericType(t);
    case 'DATE': return t.kind === 'DATE';
    case 'TIME': return t.kind === 'TIME';
    case 'TIMESTAMP': return isTimestampType(t);
    case 'DATETIME': return isDatetimeType(t);
    case 'ARRAY': return t.kind === 'ARRAY';
    case 'MAP': return t.kind === 'MAP';
    case 'INTERVAL': return t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';
    default: return false;
  }
}

/**
 * Checks argument count and families; returns an error reason or undefined. `min` defaults to the
 * number of families; extra args beyond the list take the family of `rest` when given.
 */
export function checkArgs(site: CallSite, families: readonly Family[], opts: { min?: number; rest?: Family } = {}): string | undefined {
  const n = site.argTypes.length;
  const min = opts.min ?? families.length;
  if (n < min || (opts.rest === undefined && n > families.length)) return 'wrong number of arguments';
  for (let i = 0; i < n; i++) {
    const f = families[i] ?? opts.rest;
    const t = site.argTypes[i] as LogicalType;
    if (f === undefined || !inFamily(t, f)) return `argument ${i + 1} has type ${printType(t)}, expected ${f ?? 'nothing'}`;
  }
  return undefined;
}

/** True when any argument type is nullable. */
export function anyNullable(site: CallSite): boolean { return site.argTypes.some((t) => t.nullable); }

/** `t` made nullable when any argument is nullable (NULL-strict functions). */
export function strictType(site: CallSite, t: LogicalType): LogicalType { return withNullable(t, anyNullable(site) || t.nullable); }

/** Nullable versions of common result types. */
export const T = {
  string: (nullable = true): LogicalType => stringType({ nullable }),
  int: (nullable = true): LogicalType => intType({ nullable }),
  bigint: (nullable = true): LogicalType => bigintType({ nullable }),
  double: (nullable = true): LogicalType => doubleType({ nullable }),
  boolean: (nullable = true): LogicalType => booleanType({ nullable }),
};

/** Wraps a function so any NULL argument yields NULL, specialised by arity. */
export function strict(arity: number, f: ScalarFn): ScalarFn {
  switch (arity) {
    case 0: return f;
    case 1: return (a) => (a === null ? null : f(a));
    case 2: return (a, b) => (a === null || b === null ? null : f(a, b));
    case 3: return (a, b, c) => (a === null || b === null || c === null ? null : f(a, b, c));
    default: return (...args) => { for (const x of args) if (x === null) return null; return f(...args); };
  }
}

/** Reads any numeric representation as a double. */
export function numberReader(t: LogicalType): (v: unknown) => number {
  switch (t.kind) {
    case 'BIGINT': return (v) => Number(v as bigint);
    case 'DECIMAL': { const s = t.scale; return (v) => decimalToNumber(v as bigint, s); }
    default: return (v) => v as number;
  }
}

/** Reads an exact numeric as an integer number (DECIMAL truncated toward zero). */
export function intReader(t: LogicalType): (v: unknown) => number {
  switch (t.kind) {
    case 'BIGINT': return (v) => Number(v as bigint);
    case 'DECIMAL': { const f = pow10(t.scale); return (v) => Number((v as bigint) / f); }
    case 'FLOAT': case 'DOUBLE': return (v) => Math.trunc(v as number);
    default: return (v) => v as number;
  }
}

/** The literal at position i if it is a string. */
export function literalString(site: CallSite, i: number): string | undefined {
  const v = site.literals[i];
  return typeof v === 'string' ? v : undefined;
}
