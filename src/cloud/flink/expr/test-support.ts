/** Test support: evaluate one function call on literal arguments through the public registry. */
import { fixedClock, seededIds } from '../../../shared/index.js';
import { bigintType, booleanType, doubleType, intType, nullType, stringType } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import { resolveFunction } from './function-registry.js';
import type { EvalContext } from './types.js';

/** A typed argument: a bare JS value (type inferred) or [value, type]. */
export type Arg = unknown | readonly [unknown, LogicalType];

/** A deterministic context: 2024-01-02 03:04:05.678 UTC, seeded ids. */
export function testContext(timeZone = 'UTC'): EvalContext {
  return { timeZone, clock: fixedClock(Date.UTC(2024, 0, 2, 3, 4, 5, 678)), ids: seededIds(42) };
}

function inferType(v: unknown): LogicalType {
  if (v === null) return nullType();
  if (typeof v === 'boolean') return booleanType({ nullable: false });
  if (typeof v === 'bigint') return bigintType({ nullable: false });
  if (typeof v === 'number') return Number.isInteger(v) ? intType({ nullable: false }) : doubleType({ nullable: false });
  if (typeof v === 'string') return stringType({ nullable: false });
  throw new Error(`give a type for ${String(v)}`);
}

function split(args: readonly Arg[]): { values: unknown[]; types: LogicalType[] } {
  const values: unknown[] = []; const types: LogicalType[] = [];
  for (const a of args) {
    if (Array.isArray(a) && a.length === 2 && typeof a[1] === 'object' && a[1] !== null && 'kind' in a[1]) { values.push(a[0]); types.push(a[1] as LogicalType); }
    else { values.push(a); types.push(inferType(a)); }
  }
  return { values, types };
}

/** Calls `name` with arguments as literals; throws on bind errors. */
export function call(name: string, args: readonly Arg[], opts: { ctx?: EvalContext; literals?: boolean; rawJson?: readonly boolean[] } = {}): unknown {
  const { values, types } = split(args);
  const r = resolveFunction(name, types, { literals: opts.literals === false ? [] : values, ctx: opts.ctx ?? testContext(), ...(opts.rawJson ? { rawJson: opts.rawJson } : {}) });
  if (!r.value) throw new Error(r.diagnostics.map((d) => `${d.summary} (${d.detail ?? ''})`).join('\n'));
  return r.value.fn(...values);
}

/** The result type of calling `name` with the given arguments. */
export function typeOf(name: string, args: readonly Arg[]): LogicalType {
  const { values, types } = split(args);
  const r = resolveFunction(name, types, { literals: values, ctx: testContext() });
  if (!r.value) throw new Error(r.diagnostics.map((d) => d.summary).join('\n'));
  return r.value.type;
}
