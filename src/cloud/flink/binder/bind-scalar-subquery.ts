/**
 * Scalar subqueries `(SELECT MAX(x) FROM t …)` in WHERE and in a non-aggregating SELECT list, planned
 * as Flink decorrelates them: a LEFT join of the outer rows with the subquery's single row (NULL
 * while it has none). A correlated subquery (`… WHERE t.k = outer.k`, equalities only) becomes the
 * aggregate grouped by its inner correlation columns, joined on them. Each subquery's value is a
 * hidden column `$scalarN` of the joined row; the expression that held it reads that column.
 * The join retracts and re-emits the outer rows whenever the subquery's value changes.
 */
import type { Expr, Query, Range, Select, SelectItem } from '../sql/index.js';
import { withNullable } from '../types/index.js';
import type { BoundExpr, LogicalRel } from './types.js';
import { Scope, correlatedScope } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr, call } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { isAggregateSelect } from './bind-aggregate.js';
import { inputsOf, makeJoin, retyped } from './bind-join.js';
import { hasPredicate, predicatesAsScalars } from './bind-predicate-subquery.js';
import type { JoinFrom } from './bind-join.js';

/** A scalar subquery lifted out of an expression. */
export interface ScalarSubquery {
  readonly name: string;
  readonly query: Query;
  readonly range: Range;
}

/** What joining scalar subqueries needs from the query binder. */
export interface ScalarContext {
  readonly file: string;
  readonly timeZone: string;
  readonly bindFrom: (t: NonNullable<Select['from']>) => JoinFrom;
  readonly bindQuery: (q: Query) => LogicalRel;
  readonly exprContext: (scope: Scope) => ExprContext;
}

/** The conjuncts of an AST condition. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'Binary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** True when the expression holds a scalar subquery (outside IN / EXISTS subqueries). */
export function hasScalar(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(hasScalar);
  if (e === null || typeof e !== 'object') return false;
  const n = e as Expr;
  if (n.kind === 'ScalarSubquery') return true;
  if (n.kind === 'InQuery') return hasScalar(n.expr);
  if (n.kind === 'Exists') return false;
  return Object.entries(n).some(([k, v]) => k !== 'range' && hasScalar(v));
}

/** Replaces each scalar subquery by an identifier `${prefix}${n}`, recording it in `out`. */
export function liftScalars<T>(e: T, prefix: string, out: ScalarSubquery[]): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x === null || typeof x !== 'object') return x;
    const n = x as Expr;
    if (n.kind === 'ScalarSubquery') {
      const name = `${prefix}${out.length}`;
      out.push({ name, query: n.query, range: n.range });
      return { kind: 'Identifier', names: [name], range: n.range };
    }
    if (n.kind === 'Exists') return n;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) copy[k] = k === 'range' || k === 'query' ? v : walk(v);
    return copy;
  };
  return walk(e) as T;
}

/** SELECT items with their scalar subqueries lifted (refused under an aggregation). */
export function liftSelectScalars(select: Select, out: ScalarSubquery[], file: string): readonly SelectItem[] {
  // IN / EXISTS in the SELECT list are COUNT scalar subqueries (bind-predicate-subquery.ts).
  const s = select.items.some((i) => hasPredicate(i.expr)) ? { ...select, items: select.items.map((i) => ({ ...i, expr: predicatesAsScalars(i.expr) })) } : select;
  if (!s.items.some((i) => hasScalar(i.expr))) return s.items;
  if (isAggregateSelect(s)) {
    const at = s.items.find((i) => hasScalar(i.expr));
    throw new BindError(notSupportedYet(at?.range ?? s.range, 'scalar subqueries in the SELECT list of an aggregation', file));
  }
  return s.items.map((i) => liftScalars(i, '$scalar', out));
}

/** LEFT-joins each scalar subquery to `from`; its value becomes the hidden column named after it. */
export function joinScalars(from: JoinFrom, scalars: readonly ScalarSubquery[], cx: ScalarContext): JoinFrom {
  let out = from;
  for (const s of scalars) {
    const width = out.rel.fields.length;
    const correlated = decorrelate(s.query, s.range, out, cx, false);
    const right = correlated?.rel ?? cx.bindQuery(s.query);
    const visible = right.fields.map((f, i) => ({ f, i })).filter((x) => x.f.hidden !== true);
    const valueAt = correlated === undefined ? visible : visible.slice(correlated.keys.length);
    const value = valueAt[0];
    if (value === undefined || valueAt.length !== 1) throw new BindError(validationError(s.range, 'A scalar subquery must return exactly one column', { file: cx.file }));
    const ecx = cx.exprContext(new Scope(out.scope, cx.file));
    const on = (correlated?.keys ?? []).map((k, i) => call('=', [k, { kind: 'input', index: width + (visible[i]?.i ?? 0), type: (visible[i]?.f.type ?? k.type) }], s.range, ecx));
    const rel = makeJoin({ joinType: 'LEFT', left: out.rel, right, conjuncts: on, range: s.range, file: cx.file, timeZone: cx.timeZone });
    const index = width + value.i;
    const scope = retyped(out.scope, rel.fields);
    const type = rel.fields[index]?.type ?? value.f.type;
    if (correlated !== undefined && isCount(s.query)) {
      // COUNT over no correlated rows is 0, not the LEFT join's NULL.
      const count = call('COALESCE', [{ kind: 'input', index, type }, { kind: 'literal', value: 0n, type: { kind: 'BIGINT', nullable: false } }], s.range, ecx);
      const project = [...rel.fields.map((f, i): BoundExpr => ({ kind: 'input', index: i, type: f.type })), count];
      const calc: LogicalRel = { kind: 'calc', input: rel, project, fields: [...rel.fields, { name: s.name, type: count.type, hidden: true }] };
      out = { rel: calc, scope: [...scope, { name: s.name, type: count.type, index: rel.fields.length, hidden: true }] };
      continue;
    }
    const field: ScopeField = { name: s.name, type: withNullable(type, true), index, hidden: true };
    out = { rel, scope: [...scope, field] };
  }
  return out;
}

/** `(SELECT COUNT(…) FROM …)`: the subquery's value is a bare COUNT. */
function isCount(q: Query): boolean {
  const item = q.body.kind === 'Select' ? q.body.items[0]?.expr : undefined;
  return item !== undefined && item.kind === 'FunctionCall' && (item.name[item.name.length - 1] ?? '').toUpperCase() === 'COUNT';
}

/**
 * `(SELECT agg(…) FROM t WHERE t.k = outer.k AND … [GROUP BY g])` → `SELECT t.k, agg(…) FROM t
 * WHERE … GROUP BY [g,] t.k` (output: the inner keys, then the items) and the outer keys to join it
 * on; undefined for an uncorrelated subquery. `allowGroups`: GROUP BY / HAVING allowed (IN / EXISTS;
 * a scalar subquery must stay a single aggregation).
 */
export function decorrelate(q: Query, range: Range, outer: JoinFrom, cx: ScalarContext, allowGroups: boolean): { rel: LogicalRel; keys: BoundExpr[] } | undefined {
  const body = q.body;
  if (body.kind !== 'Select' || body.from === undefined || body.where === undefined) return undefined;
  const width = outer.rel.fields.length;
  const inner = cx.bindFrom(body.from);
  const scope = correlatedScope(inner.scope, outer.scope, width, cx.file);
  const ecx = cx.exprContext(scope);
  const side = (e: Expr): 'inner' | 'outer' | 'both' => {
    const refs = inputsOf(bindExpr(e, ecx));
    return refs.every((i) => i >= width) ? 'inner' : refs.every((i) => i < width) ? 'outer' : 'both';
  };
  const kept: Expr[] = [];
  const innerKeys: Expr[] = [];
  const keys: BoundExpr[] = [];
  for (const c of conjuncts(body.where)) {
    if (side(c) === 'inner') { kept.push(c); continue; }
    const pair = c.kind === 'Binary' && c.op === '=' ? [c.left, c.right] : undefined;
    const [a, b] = pair ?? [];
    const sa = a === undefined ? 'both' : side(a);
    const sb = b === undefined ? 'both' : side(b);
    const innerSide = sa === 'inner' && sb === 'outer' ? a : sb === 'inner' && sa === 'outer' ? b : undefined;
    const outerSide = innerSide === a ? b : a;
    if (innerSide === undefined || outerSide === undefined) {
      throw new BindError(notSupportedYet(c.range, `correlated ${allowGroups ? 'aggregating ' : 'scalar '}subqueries with a correlation other than an equality`, cx.file));
    }
    innerKeys.push(innerSide);
    keys.push(bindExpr(outerSide, ecx));
  }
  if (keys.length === 0) return undefined;
  if (q.with !== undefined || q.orderBy !== undefined || q.limit !== undefined || q.offset !== undefined || q.fetch !== undefined
    || body.distinct || (!allowGroups && ((body.groupBy?.length ?? 0) > 0 || body.having !== undefined)) || !isAggregateSelect(body)) {
    throw new BindError(notSupportedYet(range, allowGroups ? 'correlated subqueries with DISTINCT, ORDER BY, LIMIT or WITH' : 'correlated scalar subqueries other than a single aggregation', cx.file));
  }
  const where = kept.reduce<Expr | undefined>((acc, c) => (acc === undefined ? c : { kind: 'Binary', op: 'AND', left: acc, right: c, range: c.range }), undefined);
  const { where: _w, ...rest } = body;
  const grouped: Select = {
    ...rest, ...(where === undefined ? {} : { where }), groupBy: [...(body.groupBy ?? []), ...innerKeys],
    items: [...innerKeys.map((e, i) => ({ range: e.range, expr: e, alias: `$key${i}` })), ...body.items],
  };
  return { rel: cx.bindQuery({ kind: 'Query', body: grouped, range: q.range }), keys };
}
