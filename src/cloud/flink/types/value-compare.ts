/**
 * Comparators over runtime values, compiled once per pair of static types so the per-row path
 * does no type dispatch. Numerics compare across types exactly (BIGINT vs DECIMAL in bigint,
 * anything vs DOUBLE in doubles); strings compare by UTF-16 code units (Flink compares UTF-8
 * bytes, which orders identically except for surrogate pairs vs U+E000..U+FFFF); binaries by
 * unsigned bytes. Comparators never see NULL: callers apply three-valued logic first.
 */
import type { LogicalType } from './types.js';
import { isApproxNumericType, isNumericType, isSmallIntegerType } from './type-families.js';
import { decimalToNumber, pow10 } from './decimal.js';
import { asDecimal } from './type-rules.js';

/** Orders two non-null values: negative, zero or positive. */
export type Comparator = (a: unknown, b: unknown) => number;

/** Numeric reader turning a value of `t` into a double. */
export function toDoubleReader(t: LogicalType): (v: unknown) => number {
  switch (t.kind) {
    case 'BIGINT': return (v) => Number(v as bigint);
    case 'DECIMAL': { const s = t.scale; return (v) => decimalToNumber(v as bigint, s); }
    default: return (v) => v as number;
  }
}

/** Reader scaling an exact numeric value of `t` to an unscaled bigint at `scale`. */
export function toScaledBigint(t: LogicalType, scale: number): (v: unknown) => bigint {
  if (t.kind === 'DECIMAL') {
    const f = pow10(scale - t.scale);
    return f === 1n ? (v) => v as bigint : (v) => (v as bigint) * f;
  }
  const f = pow10(scale);
  if (t.kind === 'BIGINT') return f === 1n ? (v) => v as bigint : (v) => (v as bigint) * f;
  return f === 1n ? (v) => BigInt(v as number) : (v) => BigInt(v as number) * f;
}

const cmpPrim = (a: unknown, b: unknown): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const cmpDouble = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : a === b ? 0 : a !== a ? (b !== b ? 0 : 1) : -1);

/** Compiles a comparator for values of `a` against values of `b` (same family). */
export function compileComparator(a: LogicalType, b: LogicalType = a): Comparator {
  if (isNumericType(a) && isNumericType(b)) return numericComparator(a, b);
  switch (a.kind) {
    case 'BINARY': case 'VARBINARY': return (x, y) => compareBytes(x as Uint8Array, y as Uint8Array);
    case 'BOOLEAN': return (x, y) => (x === y ? 0 : x ? 1 : -1);
    case 'ARRAY': case 'MULTISET': {
      if (a.kind === 'MULTISET') return (x, y) => (multisetEquals(x as Map<unknown, number>, y as Map<unknown, number>) ? 0 : 1);
      const el = compileComparator(a.element, b.kind === 'ARRAY' ? b.element : a.element);
      return (x, y) => compareLists(x as unknown[], y as unknown[], el);
    }
    case 'ROW': {
      const bf = b.kind === 'ROW' ? b.fields : a.fields;
      const fs = a.fields.map((f, i) => compileComparator(f.type, bf[i]?.type ?? f.type));
      return (x, y) => compareFields(x as unknown[], y as unknown[], fs);
    }
    case 'MAP': {
      const vc = compileComparator(a.value, b.kind === 'MAP' ? b.value : a.value);
      return (x, y) => (mapEquals(x as Map<unknown, unknown>, y as Map<unknown, unknown>, vc) ? 0 : 1);
    }
    default: return cmpPrim;
  }
}

function numericComparator(a: LogicalType, b: LogicalType): Comparator {
  if (isApproxNumericType(a) || isApproxNumericType(b)) {
    if (a.kind !== 'BIGINT' && a.kind !== 'DECIMAL' && b.kind !== 'BIGINT' && b.kind !== 'DECIMAL') {
      return (x, y) => cmpDouble(x as number, y as number);
    }
    const ra = toDoubleReader(a);
    const rb = toDoubleReader(b);
    return (x, y) => cmpDouble(ra(x), rb(y));
  }
  if (isSmallIntegerType(a) && isSmallIntegerType(b)) return cmpPrim;
  if (a.kind === 'BIGINT' && b.kind === 'BIGINT') return cmpPrim;
  const scale = Math.max(asDecimal(a).scale, asDecimal(b).scale);
  const ra = toScaledBigint(a, scale);
  const rb = toScaledBigint(b, scale);
  return (x, y) => { const p = ra(x); const q = rb(y); return p < q ? -1 : p > q ? 1 : 0; };
}

/** Unsigned lexicographic byte order. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function compareLists(a: unknown[], b: unknown[], el: Comparator): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]; const y = b[i];
    if (x === null || y === null) { if (x !== y) return x === null ? -1 : 1; continue; }
    const c = el(x, y);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareFields(a: unknown[], b: unknown[], fs: readonly Comparator[]): number {
  for (let i = 0; i < fs.length; i++) {
    const x = a[i]; const y = b[i];
    if (x === null || y === null) { if (x !== y) return x === null ? -1 : 1; continue; }
    const c = (fs[i] as Comparator)(x, y);
    if (c !== 0) return c;
  }
  return 0;
}

function mapEquals(a: Map<unknown, unknown>, b: Map<unknown, unknown>, vc: Comparator): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    if (!b.has(k)) return false;
    const w = b.get(k);
    if (v === null || w === null) { if (v !== w) return false; } else if (vc(v, w) !== 0) return false;
  }
  return true;
}

function multisetEquals(a: Map<unknown, number>, b: Map<unknown, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, n] of a) if (b.get(k) !== n) return false;
  return true;
}

/** Compiles an equality test (IS NOT DISTINCT FROM for non-null values). */
export function compileEquals(a: LogicalType, b: LogicalType = a): (x: unknown, y: unknown) => boolean {
  if ((a.kind === b.kind && (isSmallIntegerType(a) || a.kind === 'BIGINT' || a.kind === 'BOOLEAN' || a.kind === 'VARCHAR' || a.kind === 'CHAR'))) {
    return (x, y) => x === y;
  }
  const c = compileComparator(a, b);
  return (x, y) => c(x, y) === 0;
}
