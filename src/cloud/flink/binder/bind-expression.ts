/**
 * Expressions → typed BoundExpr. Operators and built-ins resolve through flink/expr's registry
 * (which applies Flink's implicit casts and picks the closure for the argument types); CAST,
 * TRY_CAST, CASE and ROW field access are bound here. Constructs the emulator cannot run yet
 * (aggregates, OVER, subqueries) are refused at their position.
 */
import type { Expr, FunctionCall, Range } from '../sql/index.js';
import { bindCast, resolveFunction } from '../expr/index.js';
import type { EvalContext } from '../expr/index.js';
import type { SessionPath } from '../catalog/index.js';
import { booleanType, compileCast, leastRestrictive, nullType, printType, stringType, typesEqual, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundExpr, BoundWhen } from './types.js';
import type { Scope } from './scope.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { intervalLiteral, numericLiteral, stringLiteral, typedLiteral } from './bind-literal.js';
import type { LiteralResult } from './bind-literal.js';
import { logicalTypeOf } from '../catalog/index.js';

/** What expression binding needs. */
export interface ExprContext {
  readonly scope: Scope;
  readonly file: string;
  readonly evalCtx: EvalContext;
  readonly session: SessionPath;
  /**
   * Consulted before anything else: answers an expression that an aggregation or OVER already
   * computes (a group key, an aggregate call) as a reference, or throws for one it must not see.
   */
  readonly rewrite?: (e: Expr) => BoundExpr | undefined;
}

/** Aggregate and ranking functions: only valid where an aggregation or OVER binds them. */
const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'LISTAGG', 'COLLECT', 'FIRST_VALUE', 'LAST_VALUE', 'STDDEV_POP',
  'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'VARIANCE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG', 'ROW_NUMBER', 'RANK', 'DENSE_RANK', 'LAG', 'LEAD']);

/** True for a call of an aggregate or ranking function (with or without OVER). */
export function isAggregateCall(e: Expr): e is FunctionCall {
  return e.kind === 'FunctionCall' && AGGREGATES.has((e.name[e.name.length - 1] ?? '').toUpperCase());
}

/** Binds one expression. */
export function bindExpr(e: Expr, cx: ExprContext): BoundExpr {
  const pre = cx.rewrite?.(e);
  if (pre !== undefined) return pre;
  switch (e.kind) {
    case 'NumericLiteral': return literal(numericLiteral(e), e.range, cx);
    case 'StringLiteral': return literal(stringLiteral(e.value), e.range, cx);
    case 'BinaryLiteral': {
      const bytes = Uint8Array.from(Buffer.from(e.hex, 'hex'));
      return { kind: 'literal', value: bytes, type: { kind: 'BINARY', length: Math.max(1, bytes.length), nullable: false } };
    }
    case 'BooleanLiteral': return e.value === 'UNKNOWN'
      ? { kind: 'literal', value: null, type: booleanType({ nullable: true }) }
      : { kind: 'literal', value: e.value === 'TRUE', type: booleanType({ nullable: false }) };
    case 'NullLiteral': return { kind: 'literal', value: null, type: nullType() };
    case 'TypedLiteral': return literal(typedLiteral(e, cx.evalCtx.timeZone), e.range, cx);
    case 'IntervalLiteral': return literal(intervalLiteral(e), e.range, cx);
    case 'Identifier': return column(e, cx);
    case 'Star': throw new BindError(validationError(e.range, 'Unknown identifier \'*\'', { file: cx.file }));
    case 'FunctionCall': return functionCall(e, cx);
    case 'Cast': {
      const arg = bindExpr(e.expr, cx);
      const to = logicalTypeOf(e.type);
      if (to.value === undefined) throw new BindError(validationError(e.type.range, to.diagnostics[0]?.summary ?? 'invalid type', { file: cx.file }));
      const b = bindCast(arg.type, to.value, { tryCast: e.try, ctx: cx.evalCtx });
      if (b.value === undefined) throw new BindError(validationError(e.range, b.diagnostics[0]?.summary ?? 'Cast is not supported', { file: cx.file }));
      return { kind: 'call', fn: b.value, args: [arg], type: b.value.type };
    }
    case 'Extract': return call('EXTRACT', [unit(e.unit), bindExpr(e.expr, cx)], e.range, cx);
    case 'Position': return call('POSITION', [bindExpr(e.needle, cx), bindExpr(e.haystack, cx)], e.range, cx);
    case 'Trim': {
      const target = bindExpr(e.expr, cx);
      const chars = e.chars === undefined ? literalString(' ') : bindExpr(e.chars, cx);
      return call('TRIM', [literalString(e.side), chars, target], e.range, cx);
    }
    case 'Overlay': return call('OVERLAY', [e.expr, e.placing, e.from, ...(e.length === undefined ? [] : [e.length])].map((x) => bindExpr(x, cx)), e.range, cx);
    case 'FloorCeil': return call(e.fn, [bindExpr(e.expr, cx), unit(e.unit)], e.range, cx);
    case 'TimeUnitArg': return unit(e.unit);
    case 'Case': return caseExpr(e, cx);
    case 'Unary': return call(e.op === 'NOT' ? 'NOT' : e.op, [bindExpr(e.operand, cx)], e.range, cx);
    case 'Binary': return call(e.op, [bindExpr(e.left, cx), bindExpr(e.right, cx)], e.range, cx);
    case 'Is': {
      if (e.test.startsWith('JSON')) return call(e.negated ? `IS NOT ${e.test}` : `IS ${e.test}`, [bindExpr(e.expr, cx)], e.range, cx);
      return call(`IS ${e.negated ? 'NOT ' : ''}${e.test}`, [bindExpr(e.expr, cx)], e.range, cx);
    }
    case 'IsDistinctFrom': return call(e.negated ? 'IS NOT DISTINCT FROM' : 'IS DISTINCT FROM', [bindExpr(e.left, cx), bindExpr(e.right, cx)], e.range, cx);
    case 'Between': return call(`${e.negated ? 'NOT ' : ''}BETWEEN${e.symmetric ? ' SYMMETRIC' : ''}`, [e.expr, e.low, e.high].map((x) => bindExpr(x, cx)), e.range, cx);
    case 'InList': return call(e.negated ? 'NOT IN' : 'IN', [e.expr, ...e.list].map((x) => bindExpr(x, cx)), e.range, cx);
    case 'Like': return call(`${e.negated ? 'NOT ' : ''}${e.op}`, [e.expr, e.pattern, ...(e.escape === undefined ? [] : [e.escape])].map((x) => bindExpr(x, cx)), e.range, cx);
    case 'ArrayConstructor': return call('ARRAY', e.elements.map((x) => bindExpr(x, cx)), e.range, cx);
    case 'MapConstructor': return call('MAP', e.entries.map((x) => bindExpr(x, cx)), e.range, cx);
    case 'RowConstructor': return call('ROW', e.fields.map((x) => bindExpr(x, cx)), e.range, cx);
    case 'ElementAccess': return call('ITEM', [bindExpr(e.target, cx), bindExpr(e.index, cx)], e.range, cx);
    case 'FieldAccess': return fieldAccess(bindExpr(e.target, cx), [e.field], e.range, cx);
    case 'JsonCall': return notYet(e.range, `${e.name} with clauses`, cx);
    case 'InQuery': case 'Exists': case 'ScalarSubquery': return notYet(e.range, 'subqueries', cx);
    case 'NamedArgument': case 'TableArgument': case 'Descriptor': case 'JsonKeyValue':
      return notYet(e.range, 'table function arguments', cx);
  }
}

function notYet(range: Range, what: string, cx: ExprContext): never {
  throw new BindError(notSupportedYet(range, what, cx.file));
}

function literal(r: LiteralResult, range: Range, cx: ExprContext): BoundExpr {
  if (typeof r === 'string') throw new BindError(validationError(range, r, { file: cx.file }));
  return { kind: 'literal', value: r.value, type: r.type };
}

function literalString(s: string): BoundExpr {
  return { kind: 'literal', value: s, type: { kind: 'CHAR', length: Math.max(1, s.length), nullable: false } };
}

function unit(u: string): BoundExpr {
  return literalString(u);
}

function column(id: Extract<Expr, { kind: 'Identifier' }>, cx: ExprContext): BoundExpr {
  const { field, rest } = cx.scope.resolve(id);
  const ref: BoundExpr = { kind: 'input', index: field.index, type: field.type };
  return rest.length === 0 ? ref : fieldAccess(ref, rest, id.range, cx);
}

function fieldAccess(target: BoundExpr, path: readonly string[], range: Range, cx: ExprContext): BoundExpr {
  let cur = target;
  for (const name of path) {
    const t = cur.type;
    if (t.kind !== 'ROW') throw new BindError(validationError(range, `Column '${name}' not found in any table`, { file: cx.file }));
    const index = t.fields.findIndex((f) => f.name === name);
    const f = t.fields[index];
    if (f === undefined) throw new BindError(validationError(range, `Unknown field '${name}'`, { file: cx.file }));
    cur = { kind: 'field', target: cur, index, type: withNullable(f.type, f.type.nullable || t.nullable) };
  }
  return cur;
}

function functionCall(e: FunctionCall, cx: ExprContext): BoundExpr {
  const name = e.name[e.name.length - 1] ?? '';
  const upper = name.toUpperCase();
  if (e.over !== undefined) return notYet(e.range, 'OVER aggregations here', cx);
  if (AGGREGATES.has(upper) || e.filter !== undefined) {
    throw new BindError(validationError(e.range, `Aggregate expression is illegal in this clause: ${upper}`, { file: cx.file }));
  }
  if (upper === 'SOURCE_WATERMARK' || upper === 'TUMBLE' || upper === 'HOP' || upper === 'SESSION' || upper === 'CUMULATE') return notYet(e.range, 'windows', cx);
  const args = e.args.map((a) => bindExpr(a, cx));
  return call(name, args, e.range, cx);
}

/** Resolves a call through the function registry; literal arguments are passed for precompilation. */
export function call(name: string, args: readonly BoundExpr[], range: Range, cx: ExprContext): BoundExpr {
  const literals = args.map((a) => (a.kind === 'literal' ? a.value : undefined));
  const r = resolveFunction(name, args.map((a) => a.type), {
    literals, ctx: cx.evalCtx,
    ...(cx.session.catalog === undefined ? {} : { catalog: cx.session.catalog }),
    ...(cx.session.database === undefined ? {} : { database: cx.session.database }),
  });
  if (r.value === undefined) {
    const d = r.diagnostics[0];
    const reason = d === undefined ? `Cannot apply '${name}'` : d.summary;
    throw new BindError(validationError(range, reason, { file: cx.file, code: d?.code ?? 'sql-validation' }));
  }
  return { kind: 'call', fn: r.value, args, type: r.value.type };
}

function caseExpr(e: Extract<Expr, { kind: 'Case' }>, cx: ExprContext): BoundExpr {
  const operand = e.operand === undefined ? undefined : bindExpr(e.operand, cx);
  const conds = e.whens.map((w) => {
    const b = operand === undefined ? bindExpr(w.when, cx) : call('=', [operand, bindExpr(w.when, cx)], w.when.range, cx);
    if (b.type.kind !== 'BOOLEAN' && b.type.kind !== 'NULL') {
      throw new BindError(validationError(w.when.range, `Expected a boolean type, got ${printType(b.type)}`, { file: cx.file }));
    }
    return b;
  });
  const values = [...e.whens.map((w) => bindExpr(w.then, cx)), e.else === undefined ? { kind: 'literal', value: null, type: nullType() } as BoundExpr : bindExpr(e.else, cx)];
  const common = leastRestrictive(values.map((v) => v.type));
  if (common === undefined) {
    throw new BindError(validationError(e.range, `Illegal mixing of types in CASE or COALESCE statement: ${values.map((v) => printType(v.type)).join(', ')}`, { file: cx.file }));
  }
  const type = common.kind === 'NULL' ? stringType() : common;
  const cast = (v: BoundExpr): BoundExpr => coerce(v, type, cx.evalCtx.timeZone);
  const whens: BoundWhen[] = conds.map((when, i) => ({ when, then: cast(values[i] as BoundExpr) }));
  return { kind: 'case', whens, otherwise: cast(values[values.length - 1] as BoundExpr), type };
}

/** Implicitly casts an expression to `to` (identity when the types already agree). */
export function coerce(v: BoundExpr, to: LogicalType, timeZone: string): BoundExpr {
  if (typesEqual(v.type, to, { ignoreNullability: true, ignoreTimeAttribute: true })) return v;
  if (v.kind === 'literal' && v.value === null) return { kind: 'literal', value: null, type: withNullable(to, true) };
  const fn = compileCast(v.type, to, { timeZone });
  const type = withNullable(to, v.type.nullable || to.nullable);
  return { kind: 'call', fn: { name: 'CAST', type, fn: (x) => (x === null ? null : fn(x)), deterministic: true }, args: [v], type };
}
