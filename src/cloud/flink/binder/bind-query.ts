/**
 * Queries → logical relations: SELECT (projection, `*` expansion, aliases, WHERE), VALUES and
 * UNION ALL (bind-values-union.ts), derived tables and WITH, views (bind-view.ts), LIMIT / OFFSET / FETCH; aggregations (bind-aggregate.ts),
 * window TVFs (bind-window-tvf.ts), OVER and Top-N (bind-over.ts, bind-rank-filter.ts), joins
 * (bind-join.ts), UNNEST (bind-unnest.ts), IN / EXISTS subqueries in WHERE (bind-subquery.ts). ORDER BY … LIMIT is a
 * Top-N; ORDER BY a time attribute without LIMIT a temporal sort (bind-temporal-sort.ts).
 */
import type { Cte, Expr, OrderItem, Query, QueryBody, Range, Select, TableRef } from '../sql/index.js';
import type { EvalContext } from '../expr/index.js';
import { printType } from '../types/index.js';
import type { BindOptions, BoundExpr, BoundField, BoundOrderKey, LogicalRel, TableResolver } from './types.js';
import { Scope, defaultName, unique } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { scanTable } from './bind-table.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { bindAggregateSelect, distinctOf, isAggregateSelect } from './bind-aggregate.js';
import { temporalSort } from './bind-temporal-sort.js';
import { isGroupAggregate } from './bind-aggregate-call.js';
import { bindOverCalls, collectOverCalls } from './bind-over.js';
import { mentions, pushRankFilter } from './bind-rank-filter.js';
import { bindWindowTvf, isWindowTvf } from './bind-window-tvf.js';
import { bindJoin, pushWhereIntoJoin, withStateTtl } from './bind-join.js';
import { bindUnnest } from './bind-unnest.js';
import { bindMatchRecognize } from './bind-match-recognize.js';
import { bindViewRef } from './bind-view.js';
import { applySubqueries, bindJoinWithSubqueries, splitSubqueries } from './bind-subquery.js';
import { havingSubqueries } from './bind-having-subquery.js';
import type { SubqueryContext } from './bind-subquery.js';
import { joinScalars, liftSelectScalars } from './bind-scalar-subquery.js';
import { bindValues, unionAll } from './bind-values-union.js';
import type { ScalarSubquery } from './bind-scalar-subquery.js';

/** What query binding needs. */
export interface QueryContext {
  readonly resolver: TableResolver;
  readonly options: BindOptions;
  readonly evalCtx: EvalContext;
  readonly ctes: ReadonlyMap<string, Cte>;
  readonly file: string;
  /** Views being expanded (fully quoted paths), outermost first: a view may not reference itself. */
  readonly views?: readonly string[];
}

/** Binds a full query (WITH, body, ORDER BY, LIMIT). */
export function bindQuery(q: Query, cx: QueryContext): LogicalRel {
  let inner = cx;
  if (q.with !== undefined) {
    const ctes = new Map(cx.ctes);
    for (const c of q.with) ctes.set(c.name, c);
    inner = { ...cx, ctes };
  }
  const rel = bindBody(q.body, inner);
  const limitExpr = q.limit ?? q.fetch;
  const limit = limitExpr === undefined ? Number.MAX_SAFE_INTEGER : constantInt(limitExpr, 'LIMIT', cx);
  const offset = q.offset === undefined ? 0 : constantInt(q.offset, 'OFFSET', cx);
  if (q.orderBy !== undefined && q.orderBy.length > 0) {
    // ORDER BY … LIMIT n is a streaming Top-N over the whole input; a bare ORDER BY a temporal sort.
    if (limitExpr === undefined && q.offset !== undefined) throw new BindError(notSupportedYet(q.offset.range, 'OFFSET without LIMIT', cx.file));
    const sorted = (r: LogicalRel, order: readonly OrderItem[]): LogicalRel => (limitExpr === undefined
      ? temporalSort(r, order, exprContext(new Scope([], cx.file), inner))
      : topN(r, order, offset, limit, limitExpr.range, inner));
    try {
      return sorted(rel, q.orderBy);
    } catch (e) {
      // ORDER BY columns the SELECT list does not output: bind them as extra, dropped columns.
      const b = q.body;
      if (!(e instanceof BindError) || b.kind !== 'Select' || b.distinct || isAggregateSelect(b)) throw e;
      const extra = q.orderBy.map((o, i) => ({ range: o.range, expr: o.expr, alias: `$order${i}` }));
      const wide = bindSelect({ ...b, items: [...b.items, ...extra] }, inner);
      const width = wide.fields.length - extra.length;
      const order = q.orderBy.map((o, i) => ({ ...o, expr: { kind: 'Identifier' as const, names: [`$order${i}`], range: o.range } }));
      const ranked = sorted(wide, order);
      const fields = wide.fields.slice(0, width);
      return { kind: 'calc', input: ranked, project: fields.map((f, i) => ({ kind: 'input', index: i, type: f.type })), fields };
    }
  }
  if (limitExpr === undefined && q.offset === undefined) return rel;
  return { kind: 'limit', input: rel, limit, offset, fields: rel.fields, range: (limitExpr ?? q.offset ?? q).range };
}

/** `ORDER BY keys LIMIT n [OFFSET m]`: ranks m+1..m+n of ROW_NUMBER() OVER (ORDER BY keys), rank not output. */
function topN(rel: LogicalRel, orderBy: readonly OrderItem[], offset: number, limit: number, range: Range, cx: QueryContext): LogicalRel {
  const scope = Scope.of(rel.fields, undefined, cx.file);
  const ecx = exprContext(scope, cx);
  const order: BoundOrderKey[] = orderBy.map((o) => {
    const descending = o.direction === 'DESC';
    return { expr: bindExpr(o.expr, ecx), descending, nullsFirst: o.nulls === undefined ? !descending : o.nulls === 'FIRST' };
  });
  const fields: BoundField[] = [...rel.fields, { name: '$rank', type: { kind: 'BIGINT', nullable: false } }];
  const rank: LogicalRel = {
    kind: 'rank', input: rel, fn: 'ROW_NUMBER', partitionKeys: [], order, rankStart: offset + 1, rankEnd: offset + limit, outputRank: false, fields, range,
  };
  return { kind: 'calc', input: rank, project: rel.fields.map((f, i) => ({ kind: 'input', index: i, type: f.type })), fields: rel.fields };
}

function constantInt(e: Expr, what: string, cx: QueryContext): number {
  if (e.kind === 'NumericLiteral' && /^\d+$/.test(e.text)) return Number(e.text);
  throw new BindError(validationError(e.range, `${what} must be a non-negative integer literal`, { file: cx.file }));
}

function bindBody(b: QueryBody, cx: QueryContext): LogicalRel {
  switch (b.kind) {
    case 'Query': return bindQuery(b, cx);
    case 'Select': return bindSelect(b, cx);
    case 'Values': return bindValues(b, exprContext(new Scope([], cx.file), cx));
    case 'SetOperation': {
      if (b.op !== 'UNION') throw new BindError(notSupportedYet(b.range, b.op, cx.file));
      if (!b.all) throw new BindError(notSupportedYet(b.range, 'UNION without ALL', cx.file));
      return unionAll([bindBody(b.left, cx), bindBody(b.right, cx)], b.range, cx);
    }
  }
}

function subqueryContext(cx: QueryContext): SubqueryContext {
  return { file: cx.file, timeZone: cx.evalCtx.timeZone, bindFrom: (r) => bindFrom(r, cx), bindQuery: (q) => bindQuery(q, cx), exprContext: (sc) => exprContext(sc, cx) };
}

function exprContext(scope: Scope, cx: QueryContext): ExprContext {
  return { scope, file: cx.file, evalCtx: cx.evalCtx, session: cx.options.session };
}

function bindSelect(select: Select, cx: QueryContext): LogicalRel {
  // Subqueries in HAVING filter the aggregated rows (bind-having-subquery.ts).
  const overAggregate = havingSubqueries(select, cx.file);
  if (overAggregate !== undefined) return bindSelect(overAggregate, cx);
  // `[NOT] IN (SELECT …)` / `[NOT] EXISTS (…)` conjuncts become semi/anti joins (bind-subquery.ts).
  // Scalar subqueries are joined as hidden columns (bind-scalar-subquery.ts).
  const split = splitSubqueries(select.where);
  const scalars: ScalarSubquery[] = [];
  const items = liftSelectScalars(select, scalars, cx.file);
  const { where: _where, ...rest } = select;
  const s: Select = split.subqueries.length === 0 && scalars.length === 0 ? select : { ...rest, items, ...(split.rest === undefined ? {} : { where: split.rest }) };
  let from = s.from === undefined ? oneRow() : bindFrom(s.from, cx);
  // WHERE over a join: its conjuncts become join conditions where they can (bind-join.ts).
  const joined = s.where !== undefined && from.rel.kind === 'join' ? pushWhereIntoJoin(from, s.where, exprContext(new Scope(from.scope, cx.file), cx)) : undefined;
  if (joined !== undefined) from = joined.from;
  from = withStateTtl(from, s.hints, cx.file);
  let scope = new Scope(from.scope, cx.file);
  // Top-N / deduplication: the rank range comes from this query's filter on the rank column.
  const pushed: { rel: LogicalRel; where?: Expr } = joined !== undefined ? { rel: from.rel } : pushRankFilter(from.rel, s.where, scope, (name) => mentions(s.items, name));
  from = { ...from, rel: pushed.rel };
  if (split.subqueries.length > 0 || scalars.length > 0) {
    from = applySubqueries(from, split.subqueries, subqueryContext(cx));
    from = joinScalars(from, scalars, subqueryContext(cx));
    scope = new Scope(from.scope, cx.file);
  }
  const ecx = exprContext(scope, cx);
  let filter: BoundExpr | undefined = joined?.filter;
  if (pushed.where !== undefined) {
    filter = bindExpr(pushed.where, { ...ecx, rewrite: (x) => {
      if (isGroupAggregate(x)) throw new BindError(validationError(x.range, 'Aggregate expression is illegal in WHERE clause', { file: cx.file }));
      return undefined;
    } });
    if (filter.type.kind !== 'BOOLEAN' && filter.type.kind !== 'NULL') {
      throw new BindError(validationError(pushed.where.range, `WHERE clause must be a condition, got ${printType(filter.type)}`, { file: cx.file }));
    }
  }
  if (isAggregateSelect(s)) {
    const over = collectOverCalls(s.items)[0];
    if (over !== undefined) throw new BindError(notSupportedYet(over.range, 'OVER together with GROUP BY', cx.file));
    const rel = bindAggregateSelect(s, { rel: filtered(from.rel, filter, s, cx), scope, cx: ecx });
    return s.distinct ? distinctOf(rel) : rel;
  }
  const overs = collectOverCalls(s.items);
  let input: LogicalRel = from.rel;
  let itemCx = ecx;
  if (overs.length > 0) {
    const o = bindOverCalls(s, overs, filtered(from.rel, filter, s, cx), ecx);
    input = o.rel;
    itemCx = { ...ecx, rewrite: o.rewrite };
    filter = undefined;
  }
  const project: BoundExpr[] = [];
  const fields: BoundField[] = [];
  const used = new Set<string>();
  s.items.forEach((item, i) => {
    if (item.expr.kind === 'Star') {
      for (const f of scope.star(item.expr.qualifier, item.expr)) {
        project.push({ kind: 'input', index: f.index, type: f.type });
        fields.push({ name: unique(f.name, used), type: f.type });
      }
      return;
    }
    const e = bindExpr(item.expr, itemCx);
    project.push(e);
    fields.push({ name: unique(item.alias ?? defaultName(item.expr, i), used), type: e.type });
  });
  const rel: LogicalRel = { kind: 'calc', input, project, ...(filter === undefined ? {} : { filter }), fields };
  return s.distinct ? distinctOf(rel) : rel;
}

/** Applies WHERE below an aggregation or OVER (inside a window TVF: on the TVF's input). */
function filtered(rel: LogicalRel, filter: BoundExpr | undefined, s: Select, cx: QueryContext): LogicalRel {
  if (filter === undefined) return rel;
  const identity = (r: LogicalRel): BoundExpr[] => r.fields.map((f, i) => ({ kind: 'input', index: i, type: f.type }));
  if (rel.kind === 'window-tvf') {
    if (maxInput(filter) >= rel.input.fields.length) throw new BindError(notSupportedYet(s.where?.range ?? s.range, 'WHERE on window columns', cx.file));
    return { ...rel, input: { kind: 'calc', input: rel.input, project: identity(rel.input), filter, fields: rel.input.fields } };
  }
  return { kind: 'calc', input: rel, project: identity(rel), filter, fields: rel.fields };
}

function maxInput(e: BoundExpr): number {
  switch (e.kind) {
    case 'input': return e.index;
    case 'literal': return -1;
    case 'call': return Math.max(-1, ...e.args.map(maxInput));
    case 'field': return maxInput(e.target);
    case 'case': return Math.max(maxInput(e.otherwise), ...e.whens.map((w) => Math.max(maxInput(w.when), maxInput(w.then))));
  }
}

interface FromResult { readonly rel: LogicalRel; readonly scope: readonly ScopeField[] }

function oneRow(): FromResult {
  return { rel: { kind: 'values', rows: [[]], fields: [] }, scope: [] };
}

function bindFrom(t: TableRef, cx: QueryContext): FromResult {
  switch (t.kind) {
    case 'TableName': {
      if (t.systemTime !== undefined) throw new BindError(notSupportedYet(t.systemTime.range, 'temporal joins (FOR SYSTEM_TIME AS OF)', cx.file));
      const qualifier = t.alias?.name ?? t.name[t.name.length - 1] ?? '';
      const cte = t.name.length === 1 ? cx.ctes.get(t.name[0] ?? '') : undefined;
      const view = cte === undefined ? cx.resolver.resolveView?.(t.name, cx.options.session) : undefined;
      let rel: LogicalRel;
      if (cte !== undefined) {
        const inner = new Map(cx.ctes);
        inner.delete(cte.name);
        rel = renamed(bindQuery(cte.query, { ...cx, ctes: inner }), cte.columns, t.range, cx);
      } else if (view !== undefined) {
        rel = bindViewRef(view, { range: t.range, cx, bindQuery });
      } else {
        const table = cx.resolver.resolveTable(t.name, cx.options.session);
        if (table.value === undefined) {
          const d = table.diagnostics[0];
          throw new BindError(d === undefined ? validationError(t.range, 'table not found', { file: cx.file }) : { ...d, range: { file: cx.file, start: t.range.start, end: t.range.end } });
        }
        rel = scanTable(table.value, t.hints, { file: cx.file, evalCtx: cx.evalCtx, session: cx.options.session });
      }
      rel = renamed(rel, t.alias?.columns, t.range, cx);
      return { rel, scope: scopeFields(rel.fields, qualifier) };
    }
    case 'DerivedTable': {
      if (t.lateral) throw new BindError(notSupportedYet(t.range, 'LATERAL subqueries', cx.file));
      const rel = renamed(bindQuery(t.query, cx), t.alias?.columns, t.range, cx);
      return { rel, scope: scopeFields(rel.fields, t.alias?.name) };
    }
    case 'Join': return bindJoinWithSubqueries(t, subqueryContext(cx), (j) => bindJoin(j, { file: cx.file, timeZone: cx.evalCtx.timeZone, bindFrom: (r) => bindFrom(r, cx), exprContext: (sc) => exprContext(sc, cx) }));
    case 'TableFunction': {
      if (!isWindowTvf(t.call.name) || t.lateral) throw new BindError(notSupportedYet(t.range, 'table functions', cx.file));
      const rel = bindWindowTvf(t.call, { file: cx.file, evalCtx: cx.evalCtx, session: cx.options.session }, (arg) => (arg.table !== undefined
        ? bindFrom({ kind: 'TableName', name: arg.table, hints: [], range: arg.range }, cx).rel
        : bindQuery(arg.query as Query, cx)));
      return { rel: renamed(rel, t.alias?.columns, t.range, cx), scope: scopeFields(rel.fields, t.alias?.name) };
    }
    case 'Unnest': return bindUnnest(t, oneRow(), { outer: false, exprContext: (sc) => exprContext(sc, cx), file: cx.file });
    case 'MatchRecognize': return bindMatchRecognize(t, { file: cx.file, bindFrom: (r) => bindFrom(r, cx), exprContext: (sc) => exprContext(sc, cx) });
  }
}

function scopeFields(fields: readonly BoundField[], qualifier: string | undefined): ScopeField[] {
  return fields.map((f, index) => ({ ...(qualifier === undefined ? {} : { qualifier }), name: f.name, type: f.type, index, hidden: f.hidden === true }));
}

function renamed(rel: LogicalRel, columns: readonly string[] | undefined, range: Range, cx: QueryContext): LogicalRel {
  if (columns === undefined) return rel;
  const visible = rel.fields.filter((f) => f.hidden !== true);
  if (visible.length !== columns.length) {
    throw new BindError(validationError(range, `List of column aliases must have same degree as table; table has ${visible.length} columns, whereas alias list has ${columns.length} columns`, { file: cx.file }));
  }
  let k = 0;
  const fields = rel.fields.map((f) => (f.hidden === true ? f : { ...f, name: columns[k++] ?? f.name }));
  return { ...rel, fields } as LogicalRel;
}
