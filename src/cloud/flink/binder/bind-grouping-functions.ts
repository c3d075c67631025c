/**
 * GROUPING(e, …) / GROUPING_ID(e, …) and GROUP_ID() in an aggregating SELECT, over the aggregate's
 * hidden grouping-set id `$e` (plan-stateful.ts): bit k of `$e` is set when group key k is absent
 * from the row's grouping set, and `$e / 2^keys` counts earlier duplicates of the same set.
 * GROUPING(e1, …, en) has one bit per argument, e1 the most significant: 1 when that expression is
 * not grouped in the row's set; GROUPING_ID is the same; GROUP_ID() is 0 for the first occurrence of
 * a grouping set and n for its n-th duplicate. All are BIGINT NOT NULL; without GROUPING SETS /
 * ROLLUP / CUBE they are 0.
 */
import type { Expr, FunctionCall } from '../sql/index.js';
import { bigintType } from '../types/index.js';
import type { BoundExpr } from './types.js';
import { BindError, validationError } from './sql-error.js';

/** Where the grouping functions read from. */
export interface GroupingContext {
  /** Number of group keys (besides window_start / window_end). */
  readonly keyCount: number;
  /** The `$e` column's index in the aggregate's output, when `grouped`. */
  readonly eIndex: number;
  readonly grouped: boolean;
  /** The group key index an argument refers to, if it is a group key. */
  readonly keyOf: (e: Expr) => number | undefined;
  readonly file: string;
}

const NAMES = new Set(['GROUPING', 'GROUPING_ID', 'GROUP_ID']);

/** The bound value of a grouping function call, or undefined when `x` is none. */
export function bindGroupingFunction(x: Expr, gc: GroupingContext): BoundExpr | undefined {
  if (x.kind !== 'FunctionCall' || x.over !== undefined || x.name.length !== 1) return undefined;
  const name = (x.name[0] ?? '').toUpperCase();
  if (!NAMES.has(name)) return undefined;
  const type = bigintType({ nullable: false });
  if (name === 'GROUP_ID') {
    if (x.args.length > 0) throw invalidArgs(x, name, gc);
    if (!gc.grouped) return { kind: 'literal', value: 0n, type };
    const shift = 2 ** gc.keyCount;
    return call(name, [eColumn(gc)], (e) => BigInt(Math.floor(e / shift)));
  }
  if (x.args.length === 0) throw invalidArgs(x, name, gc);
  const keys = x.args.map((a) => {
    const k = gc.keyOf(a);
    if (k === undefined) throw new BindError(validationError(a.range, 'Argument to GROUPING operator must be a grouped expression', { file: gc.file }));
    return k;
  });
  if (!gc.grouped) return { kind: 'literal', value: 0n, type };
  const n = keys.length;
  return call(name, [eColumn(gc)], (e) => {
    let r = 0n;
    keys.forEach((k, j) => { if (Math.floor(e / 2 ** k) % 2 === 1) r |= 1n << BigInt(n - 1 - j); });
    return r;
  });
}

function eColumn(gc: GroupingContext): BoundExpr {
  return { kind: 'input', index: gc.eIndex, type: bigintType({ nullable: false }) };
}

function call(name: string, args: readonly BoundExpr[], f: (e: number) => bigint): BoundExpr {
  const type = bigintType({ nullable: false });
  return { kind: 'call', fn: { name, type, fn: (e: unknown) => f(Number(e)), deterministic: true }, args, type };
}

function invalidArgs(x: FunctionCall, name: string, gc: GroupingContext): BindError {
  const expect = name === 'GROUP_ID' ? '0 arguments' : 'at least 1 argument';
  return new BindError(validationError(x.range, `Invalid number of arguments to function '${name}'. Was expecting ${expect}`, { file: gc.file }));
}
