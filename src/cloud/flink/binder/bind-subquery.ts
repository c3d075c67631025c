/**
 * IN / NOT IN / EXISTS / NOT EXISTS subqueries among WHERE's conjuncts → semi / anti joins over
 * the FROM relation, as Flink plans them: the subquery's own conjuncts filter its input, those
 * reading the outer row (correlation) join the two, and the IN comparison is one more equality.
 * `NOT IN` is null-aware (a NULL on either side makes the comparison unknown, so the row goes):
 * a plain NULL-aware key when the comparison is the only equality, else
 * `(l = r) IS NOT FALSE` as a residual next to the correlation keys. An uncorrelated EXISTS has no
 * key at all (every row shares one). The output is the outer row with its time attributes
 * dropped (a regular join's). IN / EXISTS used as values (SELECT list, under OR) become COUNT
 * scalar subqueries (bind-predicate-subquery.ts), which are joined (bind-scalar-subquery.ts).
 */
import type { Expr, Join, Query, Select, TableRef } from '../sql/index.js';
import { printType, withoutTimeAttribute } from '../types/index.js';
import type { BoundExpr, LogicalRel } from './types.js';
import { Scope, correlatedScope } from './scope.js';
import { bindExpr, call } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { isAggregateSelect } from './bind-aggregate.js';
import { collectOverCalls } from './bind-over.js';
import { inputsOf, retyped, shift, splitAnd, splitKeys } from './bind-join.js';
import type { JoinFrom } from './bind-join.js';
import { conjuncts, decorrelate, hasScalar, joinScalars, liftScalars } from './bind-scalar-subquery.js';
import type { ScalarSubquery } from './bind-scalar-subquery.js';
import { hasPredicate, predicatesAsScalars } from './bind-predicate-subquery.js';

type JoinRel = Extract<LogicalRel, { kind: 'join' }>;
type SubqueryPredicate = Extract<Expr, { kind: 'InQuery' | 'Exists' }>;

/** What binding a subquery needs from the query binder. */
export interface SubqueryContext {
  readonly file: string;
  readonly timeZone: string;
  readonly bindFrom: (t: TableRef) => JoinFrom;
  readonly bindQuery: (q: Query) => LogicalRel;
  readonly exprContext: (scope: Scope) => ExprContext;
}

/**
 * WHERE split into its subquery conjuncts (`[NOT] IN (SELECT …)`, `[NOT] EXISTS (…)`, any conjunct
 * holding a scalar subquery) and the rest.
 */
export function splitSubqueries(where: Expr | undefined): { readonly rest?: Expr; readonly subqueries: readonly Expr[] } {
  if (where === undefined) return { subqueries: [] };
  // IN / EXISTS below the top of a conjunct (under OR, NOT, CASE) are values: COUNT scalar subqueries.
  const all = conjuncts(where).map((c) => (predicateOf(c) === undefined && hasPredicate(c) ? predicatesAsScalars(c) : c));
  const isSubquery = (c: Expr): boolean => predicateOf(c) !== undefined || hasScalar(c);
  const subqueries = all.filter(isSubquery);
  if (subqueries.length === 0) return { rest: where, subqueries };
  let rest: Expr | undefined;
  for (const c of all) {
    if (isSubquery(c)) continue;
    rest = rest === undefined ? c : { kind: 'Binary', op: 'AND', left: rest, right: c, range: { start: rest.range.start, end: c.range.end } };
  }
  return { ...(rest === undefined ? {} : { rest }), subqueries };
}

/**
 * Applies each subquery conjunct to `from`: IN / EXISTS as a semi or anti join (output: `from`'s
 * fields), a conjunct with scalar subqueries as a filter over their joined values (bind-scalar-subquery.ts).
 */
export function applySubqueries(from: JoinFrom, subqueries: readonly Expr[], cx: SubqueryContext): JoinFrom {
  let out = from;
  subqueries.forEach((s, k) => {
    if (out.rel.kind === 'window-tvf') throw new BindError(notSupportedYet(s.range, 'subqueries in WHERE over a window table function', cx.file));
    if (predicateOf(s) === undefined) {
      const scalars: ScalarSubquery[] = [];
      const lifted = liftScalars(s, `$scalar_w${k}_`, scalars);
      out = joinScalars(out, scalars, cx);
      const filter = bindExpr(lifted, cx.exprContext(new Scope(out.scope, cx.file)));
      const project = out.rel.fields.map((f, i): BoundExpr => ({ kind: 'input', index: i, type: f.type }));
      out = { ...out, rel: { kind: 'calc', input: out.rel, project, filter, fields: out.rel.fields } };
      return;
    }
    const rel = semiJoin(out, s, cx);
    out = { rel, scope: retyped(out.scope, rel.fields) };
  });
  return out;
}

/** The subquery predicate of a conjunct and whether it is negated (`NOT EXISTS`, `NOT (x IN …)`). */
/** `a JOIN b ON … AND x IN (SELECT …)`: an inner join's subquery conjuncts filter the joined rows. */
export function bindJoinWithSubqueries(t: Join, cx: SubqueryContext, bindJoin: (j: Join) => JoinFrom): JoinFrom {
  const split = splitSubqueries(t.on);
  if (split.subqueries.length === 0) return bindJoin(t);
  if (t.type !== 'INNER') throw new BindError(notSupportedYet(split.subqueries[0]?.range ?? t.range, `subqueries in the ON clause of a ${t.type} JOIN`, cx.file));
  const { on: _on, ...rest } = t;
  const joined = bindJoin(split.rest === undefined ? { ...rest, type: 'CROSS' } : { ...rest, on: split.rest });
  return applySubqueries(joined, split.subqueries, cx);
}

function predicateOf(e: Expr): { readonly p: SubqueryPredicate; readonly not: boolean } | undefined {
  if (e.kind === 'InQuery' || e.kind === 'Exists') return { p: e, not: false };
  if (e.kind === 'Unary' && e.op === 'NOT') {
    const inner = predicateOf(e.operand);
    return inner === undefined ? undefined : { p: inner.p, not: !inner.not };
  }
  return undefined;
}

function semiJoin(outer: JoinFrom, e: Expr, cx: SubqueryContext): JoinRel {
  const { p, not } = predicateOf(e) as { p: SubqueryPredicate; not: boolean };
  const anti = p.kind === 'InQuery' ? p.negated !== not : not;
  const width = outer.rel.fields.length;
  const inner = bindInner(p.query, outer, cx);
  const ecx = cx.exprContext(new Scope(outer.scope, cx.file));
  let conditions = inner.correlation;
  let nullAware = false;
  let shown: readonly BoundExpr[] | undefined;
  if (p.kind === 'InQuery') {
    const lhs = p.expr.kind === 'RowConstructor' ? p.expr.fields : [p.expr];
    if (lhs.length !== inner.items.length) {
      throw new BindError(validationError(p.range, `Values passed to IN operator must have compatible types: ${lhs.length} values compared with a subquery of ${inner.items.length} columns`, { file: cx.file }));
    }
    const equalities = lhs.map((x, i) => {
      const item = inner.items[i] as BoundExpr;
      const l = bindExpr(x, ecx);
      try {
        return call('=', [l, item], p.range, ecx);
      } catch {
        throw new BindError(validationError(p.range, `Values passed to IN operator must have compatible types: ${printType(l.type)} and ${printType(item.type)}`, { file: cx.file }));
      }
    });
    if (!anti) {
      conditions = [...conditions, ...equalities];
    } else {
      // NOT IN: the comparison as a NULL-aware key when it is the only equality, else `IS NOT FALSE` beside the keys.
      const plainKeys = splitKeys(conditions, width, cx.timeZone).leftKeys.length;
      const single = equalities.length === 1 ? (equalities[0] as BoundExpr) : undefined;
      if (plainKeys === 0 && single !== undefined && splitKeys([single], width, cx.timeZone).leftKeys.length === 1) {
        nullAware = true;
        conditions = [single, ...conditions];
        shown = [call('IS NOT FALSE', [single], p.range, ecx), ...inner.correlation];
      } else {
        const all = equalities.reduce((a, b) => call('AND', [a, b], p.range, ecx));
        conditions = [...conditions, call('IS NOT FALSE', [all], p.range, ecx)];
      }
    }
  }
  const { leftKeys, rightKeys, rest } = splitKeys(conditions, width, cx.timeZone);
  return {
    kind: 'join', joinType: anti ? 'ANTI' : 'SEMI', strategy: { kind: 'regular' }, left: outer.rel, right: inner.rel,
    conjuncts: shown ?? conditions, leftKeys, rightKeys, residual: rest, range: e.range,
    fields: outer.rel.fields.map((f) => ({ ...f, type: withoutTimeAttribute(f.type) })),
    ...(nullAware ? { nullAware: true } : {}),
  };
}

interface BoundInner {
  /** The subquery's input with its own (uncorrelated) conjuncts applied. */
  readonly rel: LogicalRel;
  /** Conjuncts reading the outer row, over `[...outer, ...inner]`. */
  readonly correlation: readonly BoundExpr[];
  /** The SELECT list over `[...outer, ...inner]` (IN's compared values). */
  readonly items: readonly BoundExpr[];
}

/**
 * A plain `SELECT … FROM … WHERE …` binds with the outer row in scope (inner names first; an outer
 * column the inner query also has is reachable only qualified); anything else (aggregation,
 * DISTINCT, set operations, LIMIT) binds on its own, uncorrelated.
 */
function bindInner(q: Query, outer: JoinFrom, cx: SubqueryContext): BoundInner {
  const width = outer.rel.fields.length;
  const body = q.body;
  if (!isPlainSelect(q, body) && body.kind === 'Select' && isAggregateSelect(body)) {
    // Correlated and aggregating: the aggregate grouped by the inner correlation columns too, joined on them.
    const d = decorrelate(q, q.range, outer, cx, true);
    if (d !== undefined) {
      // Without GROUP BY the aggregate has a row even over no rows (COUNT 0), which grouping by the keys loses.
      if ((body.groupBy?.length ?? 0) === 0) throw new BindError(notSupportedYet(q.range, 'correlated IN / EXISTS subqueries over a global aggregate (no GROUP BY)', cx.file));
      const ecx = cx.exprContext(new Scope(outer.scope, cx.file));
      const visible = d.rel.fields.flatMap((f, i) => (f.hidden === true ? [] : [{ kind: 'input' as const, index: i + width, type: f.type }]));
      const correlation = d.keys.map((k, i) => call('=', [k, visible[i] as BoundExpr], q.range, ecx));
      return { rel: d.rel, correlation, items: visible.slice(d.keys.length) };
    }
  }
  if (!isPlainSelect(q, body)) {
    const rel = cx.bindQuery(q);
    const items = rel.fields.flatMap((f, i) => (f.hidden === true ? [] : [{ kind: 'input' as const, index: i + width, type: f.type }]));
    return { rel, correlation: [], items };
  }
  let inner = cx.bindFrom(body.from);
  // A subquery in this subquery's WHERE applies to its own FROM first (it may not read the outer row).
  const nested = splitSubqueries(body.where);
  if (nested.subqueries.length > 0) {
    try {
      inner = applySubqueries(inner, nested.subqueries, cx);
    } catch (e) {
      // An unknown name there is most likely a column of the outermost query, which it cannot read.
      if (!(e instanceof BindError) || !/not found/.test(e.diagnostic.summary)) throw e;
      throw new BindError(notSupportedYet(nested.subqueries[0]?.range ?? q.range, `a nested subquery reading the outer query's columns (${e.diagnostic.summary.replace(/^.*Caused by: /s, '')}); a subquery inside a subquery may read only that subquery's tables`, cx.file));
    }
  }
  const where = nested.subqueries.length > 0 ? nested.rest : body.where;
  const scope = correlatedScope(inner.scope, outer.scope, width, cx.file);
  const ecx = cx.exprContext(scope);
  const filters: BoundExpr[] = [];
  const correlation: BoundExpr[] = [];
  if (where !== undefined) {
    const w = bindExpr(where, ecx);
    if (w.type.kind !== 'BOOLEAN' && w.type.kind !== 'NULL') {
      throw new BindError(validationError(where.range, `WHERE clause must be a condition, got ${printType(w.type)}`, { file: cx.file }));
    }
    for (const c of splitAnd(w)) {
      if (inputsOf(c).every((i) => i >= width)) filters.push(shift(c, -width));
      else correlation.push(c);
    }
  }
  const items = body.items.flatMap((item) => (item.expr.kind === 'Star'
    ? inner.scope.filter((f) => !f.hidden && f.shadowed !== true).map((f) => ({ kind: 'input' as const, index: f.index + width, type: f.type }))
    : [bindExpr(item.expr, ecx)]));
  const identity = inner.rel.fields.map((f, i): BoundExpr => ({ kind: 'input', index: i, type: f.type }));
  const filter = filters.length === 0 ? undefined : filters.reduce((a, b) => call('AND', [a, b], q.range, ecx));
  const rel: LogicalRel = filter === undefined ? inner.rel : { kind: 'calc', input: inner.rel, project: identity, filter, fields: inner.rel.fields };
  return { rel, correlation, items };
}

function isPlainSelect(q: Query, body: Query['body']): body is Select & { readonly from: TableRef } {
  if (q.with !== undefined || q.orderBy !== undefined || q.limit !== undefined || q.offset !== undefined || q.fetch !== undefined) return false;
  return body.kind === 'Select' && body.from !== undefined && !body.distinct && !isAggregateSelect(body) && collectOverCalls(body.items).length === 0;
}
