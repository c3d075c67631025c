/**
 * One aggregate call (`COUNT(DISTINCT x) FILTER (WHERE …)`, `LISTAGG(s, ';')`, …) → BoundAggregate
 * with Flink's result type (the rule is flink/types/aggregate-types.ts, shared with the runtime).
 */
import type { Expr, FunctionCall, JsonCall } from '../sql/index.js';
import { printExpression } from '../sql/index.js';
import {
  aggregateResultTypeOf, isNumericType, printType, rowType, withoutTimeAttribute,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { AggregateName, BoundAggregate, BoundExpr } from './types.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

const NAMES: ReadonlySet<string> = new Set<AggregateName>(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE', 'LISTAGG', 'COLLECT',
  'ARRAY_AGG', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG']);

const NUMERIC_ONLY: ReadonlySet<string> = new Set(['SUM', 'AVG', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'VARIANCE']);

/** An aggregate call: a function call, or JSON_ARRAYAGG / JSON_OBJECTAGG with their clauses. */
export type AggregateCallAst = FunctionCall | JsonCall;

/** True for a call that folds a group (not a ranking function, not OVER). */
export function isGroupAggregate(e: Expr): e is AggregateCallAst {
  if (e.kind === 'JsonCall') return e.name.toUpperCase() === 'JSON_ARRAYAGG' || e.name.toUpperCase() === 'JSON_OBJECTAGG';
  return e.kind === 'FunctionCall' && e.over === undefined && NAMES.has((e.name[e.name.length - 1] ?? '').toUpperCase());
}

/** Binds an aggregate call's argument and FILTER against the input scope `cx`. */
export function bindAggregateCall(call: AggregateCallAst, cx: ExprContext): BoundAggregate {
  const inner: ExprContext = { scope: cx.scope, file: cx.file, evalCtx: cx.evalCtx, session: cx.session, rewrite: (x) => {
    if (isGroupAggregate(x)) {
      throw new BindError(validationError(x.range, 'Aggregate expressions cannot be nested', { file: cx.file }));
    }
    return undefined;
  } };
  if (call.kind === 'JsonCall') return jsonAggregate(call, inner);
  const e = call;
  const fn = (e.name[e.name.length - 1] ?? '').toUpperCase() as AggregateName;
  const star = e.args.length === 1 && e.args[0]?.kind === 'Star';
  const argAsts = star ? [] : e.args;
  if (fn !== 'COUNT' && argAsts.length === 0) throw invalid(e, fn, [], cx);
  if (fn === 'COUNT' && argAsts.length > 1) throw new BindError(validationError(e.range, 'COUNT with several arguments is not supported', { file: cx.file }));
  const bound = argAsts.map((a) => bindExpr(a, inner));
  const arg = bound[0];
  let separator: string | undefined;
  if (fn === 'LISTAGG' && bound.length > 1) {
    const sep = bound[1];
    if (sep?.kind !== 'literal' || typeof sep.value !== 'string') throw new BindError(validationError(e.range, 'LISTAGG separator must be a string literal', { file: cx.file }));
    separator = sep.value;
  } else if (bound.length > 1) {
    throw invalid(e, fn, bound, cx);
  }
  if (arg !== undefined && NUMERIC_ONLY.has(fn) && !isNumericType(arg.type) && arg.type.kind !== 'NULL') throw invalid(e, fn, bound, cx);
  let filter: BoundExpr | undefined;
  if (e.filter !== undefined) {
    filter = bindExpr(e.filter, inner);
    if (filter.type.kind !== 'BOOLEAN') throw new BindError(validationError(e.filter.range, `FILTER expression must be of type BOOLEAN, got ${printType(filter.type)}`, { file: cx.file }));
  }
  const argType = arg === undefined ? undefined : withoutTimeAttribute(arg.type);
  return {
    fn, ...(arg === undefined ? {} : { arg }), distinct: e.quantifier === 'DISTINCT', ...(filter === undefined ? {} : { filter }),
    ...(separator === undefined ? {} : { separator }), ...(e.nullTreatment === 'IGNORE NULLS' ? { ignoreNulls: true } : {}),
    type: aggregateType(fn, argType), text: printExpression(e),
  };
}

/** JSON_ARRAYAGG(x [NULL|ABSENT ON NULL]) / JSON_OBJECTAGG(KEY k VALUE v [NULL|ABSENT ON NULL]). */
function jsonAggregate(e: JsonCall, cx: ExprContext): BoundAggregate {
  const fn = e.name.toUpperCase() as AggregateName;
  const clause = e.clauses.map((c) => c.text.toUpperCase()).find((t) => t.endsWith('ON NULL'));
  const onNull = clause === undefined ? {} : { onNull: clause.startsWith('NULL') ? 'NULL' as const : 'ABSENT' as const };
  const first = e.args[0];
  if (e.args.length !== 1 || first === undefined) throw new BindError(validationError(e.range, `Invalid number of arguments to function '${fn}'`, { file: cx.file }));
  let arg: BoundExpr;
  let argType: LogicalType;
  if (first.kind === 'JsonKeyValue') {
    const k = bindExpr(first.key, cx);
    const v = bindExpr(first.value, cx);
    argType = v.type;
    const type = rowType([['k', k.type], ['v', v.type]], { nullable: false });
    arg = { kind: 'call', fn: { name: 'ROW', type, fn: (a: unknown, b: unknown) => [a, b], deterministic: true }, args: [k, v], type };
  } else {
    arg = bindExpr(first, cx);
    argType = arg.type;
  }
  return { fn, arg, argType, distinct: false, ...onNull, type: aggregateType(fn, undefined), text: printExpression(e) };
}

function invalid(e: FunctionCall, fn: string, args: readonly BoundExpr[], cx: ExprContext): BindError {
  const form = NUMERIC_ONLY.has(fn) ? `'${fn}(<NUMERIC>)'` : `'${fn}(<ANY>)'`;
  return new BindError(validationError(e.range, `Cannot apply '${fn}' to arguments of type '${fn}(${args.map((a) => `<${printType(a.type)}>`).join(', ')})'. Supported form(s): ${form}`, { file: cx.file }));
}

/** Flink's result type of an aggregate over `argType` (flink/types/aggregate-types.ts). */
export function aggregateType(fn: AggregateName, argType: LogicalType | undefined): LogicalType {
  return aggregateResultTypeOf(fn, argType);
}
