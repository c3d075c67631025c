/**
 * Comparison operators with SQL three-valued logic: `= <> < <= > >=`, IS [NOT] DISTINCT FROM,
 * [NOT] BETWEEN [SYMMETRIC], [NOT] IN (value list), IS [NOT] NULL. Operands must be comparable:
 * both numeric (compared exactly across types), both character, or the same family; Flink does
 * not compare strings with numbers here.
 */
import {
  booleanType, compileComparator, isCharacterType, isNumericType, isBinaryType, isTimestampType, localToInstant,
  MS_PER_DAY, printType, timestampType,
} from '../types/index.js';
import type { Comparator, LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { anyNullable, defineFunction } from './function-def.js';

/** Whether values of the two types can be compared. */
export function comparable(a: LogicalType, b: LogicalType): boolean {
  if (a.kind === 'NULL' || b.kind === 'NULL') return true;
  if (isNumericType(a) && isNumericType(b)) return true;
  if (isCharacterType(a) && isCharacterType(b)) return true;
  if (isBinaryType(a) && isBinaryType(b)) return true;
  if (isTimestampType(a) && isTimestampType(b)) return true;
  if ((a.kind === 'DATE' && isTimestampType(b)) || (b.kind === 'DATE' && isTimestampType(a))) return true;
  if (a.kind === 'ROW' && b.kind === 'ROW') return a.fields.length === b.fields.length && a.fields.every((f, i) => comparable(f.type, b.fields[i]?.type ?? f.type));
  if ((a.kind === 'ARRAY' || a.kind === 'MULTISET') && a.kind === b.kind) return comparable(a.element, b.element);
  if (a.kind === 'MAP' && b.kind === 'MAP') return comparable(a.key, b.key) && comparable(a.value, b.value);
  return a.kind === b.kind;
}

const PRIMITIVE = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'CHAR', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIME', 'FLOAT', 'DOUBLE', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'INTERVAL_DAY_TIME', 'INTERVAL_YEAR_MONTH']);

function comparatorFor(a: LogicalType, b: LogicalType): Comparator {
  const x = a.kind === 'NULL' ? b : a;
  const y = b.kind === 'NULL' ? a : b;
  return compileComparator(x, y);
}

type CmpOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

function datetimeCoercion(self: LogicalType, other: LogicalType, tz: string): ((v: unknown) => unknown) | undefined {
  if (self.kind === other.kind) return undefined;
  const otherLtz = other.kind === 'TIMESTAMP_LTZ';
  if (self.kind === 'DATE' && isTimestampType(other)) {
    return otherLtz ? (v) => localToInstant((v as number) * MS_PER_DAY, tz) : (v) => (v as number) * MS_PER_DAY;
  }
  if (self.kind === 'TIMESTAMP' && otherLtz) return (v) => localToInstant(v as number, tz);
  return undefined;
}

/**
 * Converts mixed datetime operands to one representation first: DATE -> TIMESTAMP, and TIMESTAMP ->
 * TIMESTAMP_LTZ through the session time zone (Flink's implicit casts).
 */
function compileCmp(op: CmpOp, a: LogicalType, b: LogicalType, tz = 'UTC'): ScalarFn {
  const ca = datetimeCoercion(a, b, tz);
  const cb = datetimeCoercion(b, a, tz);
  if (ca !== undefined || cb !== undefined) {
    const inner = compileCmp(op, timestampType(3), timestampType(3));
    const fa = ca ?? ((v: unknown) => v);
    const fb = cb ?? ((v: unknown) => v);
    return (x, y) => (x === null || y === null ? null : inner(fa(x), fb(y)));
  }
  const same = a.kind === b.kind && PRIMITIVE.has(a.kind);
  if (same) {
    switch (op) {
      case '=': return (x, y) => (x === null || y === null ? null : x === y);
      case '<>': return (x, y) => (x === null || y === null ? null : x !== y);
      case '<': return (x, y) => (x === null || y === null ? null : (x as number) < (y as number));
      case '<=': return (x, y) => (x === null || y === null ? null : (x as number) <= (y as number));
      case '>': return (x, y) => (x === null || y === null ? null : (x as number) > (y as number));
      case '>=': return (x, y) => (x === null || y === null ? null : (x as number) >= (y as number));
    }
  }
  const c = comparatorFor(a, b);
  switch (op) {
    case '=': return (x, y) => (x === null || y === null ? null : c(x, y) === 0);
    case '<>': return (x, y) => (x === null || y === null ? null : c(x, y) !== 0);
    case '<': return (x, y) => (x === null || y === null ? null : c(x, y) < 0);
    case '<=': return (x, y) => (x === null || y === null ? null : c(x, y) <= 0);
    case '>': return (x, y) => (x === null || y === null ? null : c(x, y) > 0);
    case '>=': return (x, y) => (x === null || y === null ? null : c(x, y) >= 0);
  }
}

function checkComparable(site: CallSite, n: number | 'many'): string | undefined {
  const ts = site.argTypes;
  if (n !== 'many' && ts.length !== n) return 'wrong number of operands';
  if (n === 'many' && ts.length < 2) return 'wrong number of operands';
  const first = ts[0] as LogicalType;
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i] as LogicalType;
    if (!comparable(first, t)) return `cannot compare ${printType(first)} with ${printType(t)}`;
  }
  return undefined;
}

function comparison(op: CmpOp): FunctionDef {
  return defineFunction({
    name: op, signatures: [`<COMPARABLE> ${op} <COMPARABLE>`],
    bind: (site) => {
      const err = checkComparable(site, 2);
      if (err) return err;
      const [a, b] = site.argTypes as [LogicalType, LogicalType];
      return { type: booleanType({ nullable: anyNullable(site) }), make: () => compileCmp(op, a, b, site.ctx.timeZone) };
    },
  });
}

function distinct(name: string, negate: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`<ANY> ${name} <ANY>`],
    bind: (site) => {
      const err = checkComparable(site, 2);
      if (err) return err;
      const [a, b] = site.argTypes as [LogicalType, LogicalType];
      const c = comparatorFor(a, b);
      const eq = (x: unknown, y: unknown): boolean => (x === null || y === null ? x === y : c(x, y) === 0);
      return { type: booleanType({ nullable: false }), make: () => (negate ? (x, y) => eq(x, y) : (x, y) => !eq(x, y)) };
    },
  });
}

function between(name: string, not: boolean, symmetric: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<COMPARABLE>, <COMPARABLE>, <COMPARABLE>)`],
    bind: (site) => {
      const err = checkComparable(site, 3);
      if (err) return err;
      const [t, lo, hi] = site.argTypes as [LogicalType, LogicalType, LogicalType];
      const tz = site.ctx.timeZone;
      const ge = compileCmp('>=', t, lo, tz);
      const le = compileCmp('<=', t, hi, tz);
      const ge2 = compileCmp('>=', t, hi, tz);
      const le2 = compileCmp('<=', t, lo, tz);
      const and = (p: unknown, q: unknown): boolean | null => (p === false || q === false ? false : p === null || q === null ? null : true);
      const or = (p: unknown, q: unknown): boolean | null => (p === true || q === true ? true : p === null || q === null ? null : false);
      const base: ScalarFn = symmetric
        ? (x, a, b) => or(and(ge(x, a), le(x, b)), and(ge2(x, b), le2(x, a)))
        : (x, a, b) => and(ge(x, a), le(x, b));
      return {
        type: booleanType({ nullable: anyNullable(site) }),
        make: () => (not ? (x, a, b) => { const r = base(x, a, b); return r === null ? null : !r; } : base),
      };
    },
  });
}

function inList(name: string, not: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<ANY>, <ANY>...)`],
    bind: (site) => {
      const err = checkComparable(site, 'many');
      if (err) return err;
      const ts = site.argTypes;
      const first = ts[0] as LogicalType;
      const eqs = ts.slice(1).map((t) => compileCmp('=', first, t, site.ctx.timeZone));
      const allLiterals = site.literals.slice(1).every((v) => v !== undefined && v !== null);
      const setable = allLiterals && PRIMITIVE.has(first.kind) && ts.slice(1).every((t) => t.kind === first.kind);
      return {
        type: booleanType({ nullable: anyNullable(site) }),
        make: () => {
          if (setable) {
            const set = new Set(site.literals.slice(1));
            return (x) => (x === null ? null : set.has(x) !== not);
          }
          return (x, ...vs) => {
            if (x === null) return null;
            let sawNull = false;
            for (let i = 0; i < vs.length; i++) {
              const r = (eqs[i] as ScalarFn)(x, vs[i]);
              if (r === true) return !not;
              if (r === null) sawNull = true;
            }
            return sawNull ? null : not;
          };
        },
      };
    },
  });
}

function nullTest(name: string, wantNull: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`<ANY> ${name}`],
    bind: (site) => (site.argTypes.length !== 1 ? 'wrong number of operands' : {
      type: booleanType({ nullable: false }),
      make: () => (wantNull ? (x) => x === null : (x) => x !== null),
    }),
  });
}

/** Comparison operators and predicates. */
export const comparisonFunctions: readonly FunctionDef[] = [
  comparison('='), comparison('<>'), comparison('<'), comparison('<='), comparison('>'), comparison('>='),
  distinct('IS DISTINCT FROM', false), distinct('IS NOT DISTINCT FROM', true),
  between('BETWEEN', false, false), between('NOT BETWEEN', true, false),
  between('BETWEEN SYMMETRIC', false, true), between('NOT BETWEEN SYMMETRIC', true, true),
  inList('IN', false), inList('NOT IN', true),
  nullTest('IS NULL', true), nullTest('IS NOT NULL', false),
];
