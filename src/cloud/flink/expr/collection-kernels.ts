/** Element membership helpers for collection functions: SameValueZero for primitives, comparators otherwise. */
import { compileComparator } from '../types/index.js';
import type { LogicalType } from '../types/index.js';

const PRIMITIVE = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'CHAR', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIME', 'FLOAT', 'DOUBLE', 'DECIMAL', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'NULL']);

/** Null-aware equality of elements (NULL equals NULL, as IS NOT DISTINCT FROM). */
export function elementEquals(t: LogicalType): (a: unknown, b: unknown) => boolean {
  if (PRIMITIVE.has(t.kind)) return (a, b) => a === b;
  const c = compileComparator(t);
  return (a, b) => (a === null || b === null ? a === b : c(a, b) === 0);
}

/** Distinct elements in first-seen order. */
export function distinctElements(t: LogicalType): (xs: readonly unknown[]) => unknown[] {
  if (PRIMITIVE.has(t.kind)) return (xs) => [...new Set(xs)];
  const eq = elementEquals(t);
  return (xs) => {
    const out: unknown[] = [];
    for (const x of xs) if (!out.some((y) => eq(x, y))) out.push(x);
    return out;
  };
}

/** Membership test builder: a predicate "is in `pool`". */
export function memberOf(t: LogicalType): (pool: readonly unknown[]) => (x: unknown) => boolean {
  if (PRIMITIVE.has(t.kind)) return (pool) => { const s = new Set(pool); return (x) => s.has(x); };
  const eq = elementEquals(t);
  return (pool) => (x) => pool.some((y) => eq(x, y));
}
