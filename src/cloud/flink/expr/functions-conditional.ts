/**
 * Conditional functions: COALESCE, GREATEST/LEAST (NULL if any argument is NULL, as Flink does),
 * IF, IFNULL, NULLIF, IS_ALPHA / IS_DECIMAL / IS_DIGIT, and TYPEOF. Arguments of different types
 * are converted to their least-restrictive common type (CASE is the evaluator's job; it can use
 * `commonTypeCoercions`).
 */
import {
  booleanType, compileCast, compileComparator, leastRestrictive, printType, stringType, typesEqual, withNullable,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { checkArgs, defineFunction } from './function-def.js';

const IDENTITY = (v: unknown): unknown => v;

/** A converter from each argument type to the common type (identity when equal). */
export function commonTypeCoercions(types: readonly LogicalType[], timeZone: string): { type: LogicalType; casts: ((v: unknown) => unknown)[] } | string {
  const common = leastRestrictive(types);
  if (common === undefined) return `no common type for ${types.map((t) => printType(t)).join(', ')}`;
  const casts = types.map((t) => (typesEqual(t, common, { ignoreNullability: true, ignoreTimeAttribute: true }) ? IDENTITY : compileCast(t, common, { timeZone })));
  return { type: common, casts };
}

function identityAll(casts: readonly ((v: unknown) => unknown)[]): boolean {
  return casts.every((c) => c === IDENTITY);
}

function minMax(name: 'GREATEST' | 'LEAST'): FunctionDef {
  const sign = name === 'GREATEST' ? 1 : -1;
  return defineFunction({
    name, signatures: [`${name}(<COMPARABLE>, <COMPARABLE>...)`],
    bind: (site) => {
      if (site.argTypes.length < 1) return 'wrong number of arguments';
      const c = commonTypeCoercions(site.argTypes, site.ctx.timeZone);
      if (typeof c === 'string') return c;
      const cmp = compileComparator(c.type);
      const casts = c.casts;
      return {
        type: c.type,
        make: () => (...xs) => {
          let best: unknown = null;
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i];
            if (x === null) return null;
            const v = (casts[i] as (v: unknown) => unknown)(x);
            if (i === 0 || cmp(v, best) * sign > 0) best = v;
          }
          return best;
        },
      };
    },
  });
}

function charTest(name: string, test: (s: string) => boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<STRING>)`],
    bind: (site) => checkArgs(site, ['STRING']) ?? { type: booleanType({ nullable: false }), make: () => (s) => (s === null ? false : test(s as string)) },
  });
}

function coalesceBind(site: CallSite, nullableResult: (types: readonly LogicalType[]) => boolean): { type: LogicalType; make: () => ScalarFn } | string {
  if (site.argTypes.length < 1) return 'wrong number of arguments';
  const c = commonTypeCoercions(site.argTypes, site.ctx.timeZone);
  if (typeof c === 'string') return c;
  const casts = c.casts;
  const type = withNullable(c.type, nullableResult(site.argTypes));
  if (identityAll(casts) && site.argTypes.length === 2) return { type, make: () => (a, b) => (a !== null ? a : b) };
  return {
    type,
    make: () => (...xs) => {
      for (let i = 0; i < xs.length; i++) { const x = xs[i]; if (x !== null) return (casts[i] as (v: unknown) => unknown)(x); }
      return null;
    },
  };
}

/** Conditional functions. */
export const conditionalFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'COALESCE', signatures: ['COALESCE(<ANY>, <ANY>...)'],
    bind: (site) => coalesceBind(site, (ts) => ts.every((t) => t.nullable)),
  }),
  defineFunction({
    name: 'IFNULL', signatures: ['IFNULL(<ANY>, <ANY>)'],
    bind: (site) => (site.argTypes.length !== 2 ? 'wrong number of arguments' : coalesceBind(site, (ts) => ts.every((t) => t.nullable))),
  }),
  defineFunction({
    name: 'IF', signatures: ['IF(<BOOLEAN>, <ANY>, <ANY>)'],
    bind: (site) => {
      const err = checkArgs(site, ['BOOLEAN', 'ANY', 'ANY']);
      if (err) return err;
      const c = commonTypeCoercions(site.argTypes.slice(1), site.ctx.timeZone);
      if (typeof c === 'string') return c;
      const [ca, cb] = c.casts as [(v: unknown) => unknown, (v: unknown) => unknown];
      return { type: c.type, make: () => (cond, a, b) => (cond === true ? (a === null ? null : ca(a)) : (b === null ? null : cb(b))) };
    },
  }),
  defineFunction({
    name: 'NULLIF', signatures: ['NULLIF(<ANY>, <ANY>)'],
    bind: (site) => {
      if (site.argTypes.length !== 2) return 'wrong number of arguments';
      const [a, b] = site.argTypes as [LogicalType, LogicalType];
      const common = leastRestrictive([a, b]);
      if (common === undefined) return `cannot compare ${printType(a)} with ${printType(b)}`;
      const cmp = compileComparator(a.kind === 'NULL' ? b : a, b.kind === 'NULL' ? a : b);
      return { type: withNullable(a, true), make: () => (x, y) => (x === null ? null : y !== null && cmp(x, y) === 0 ? null : x) };
    },
  }),
  minMax('GREATEST'), minMax('LEAST'),
  charTest('IS_ALPHA', (s) => s.length > 0 && /^\p{L}+$/u.test(s)),
  charTest('IS_DIGIT', (s) => s.length > 0 && /^\p{Nd}+$/u.test(s)),
  charTest('IS_DECIMAL', (s) => s.length > 0 && /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?)$/.test(s.trim())),
  defineFunction({
    name: 'TYPEOF', signatures: ['TYPEOF(<ANY>)', 'TYPEOF(<ANY>, <BOOLEAN> forceSerializable)'],
    bind: (site) => {
      const err = checkArgs(site, ['ANY', 'BOOLEAN'], { min: 1 });
      if (err) return err;
      const text = printType(site.argTypes[0] as LogicalType, site.literals[1] === true ? 'serializable' : 'summary');
      return { type: stringType({ nullable: false }), make: () => () => text };
    },
  }),
];
