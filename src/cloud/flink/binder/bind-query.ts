/**
 * Queries → logical relations: SELECT (projection, `*` expansion, aliases, WHERE), VALUES,
 * UNION ALL, derived tables and WITH, LIMIT / OFFSET / FETCH. Everything stateful that parses
 * (GROUP BY, DISTINCT, joins, windows, OVER, MATCH_RECOGNIZE, ORDER BY) is refused at its position
 * as "not supported yet".
 */
import type { Cte, Expr, Query, QueryBody, Range, Select, TableRef, Values } from '../sql/index.js';
import type { EvalContext } from '../expr/index.js';
import { leastRestrictive, printType, typesEqual, withNullable } from '../types/index.js';
import type { BindOptions, BoundExpr, BoundField, LogicalRel, TableResolver } from './types.js';
import { Scope } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr, coerce } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { scanTable } from './bind-table.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';

/** What query binding needs. */
export interface QueryContext {
  readonly resolver: TableResolver;
  readonly options: BindOptions;
  readonly evalCtx: EvalContext;
  readonly ctes: ReadonlyMap<string, Cte>;
  readonly file: string;
}

/** Binds a full query (WITH, body, ORDER BY, LIMIT). */
export function bindQuery(q: Query, cx: QueryContext): LogicalRel {
  let inner = cx;
  if (q.with !== undefined) {
    const ctes = new Map(cx.ctes);
    for (const c of q.with) ctes.set(c.name, c);
    inner = { ...cx, ctes };
  }
  if (q.orderBy !== undefined && q.orderBy.length > 0) {
    const first = q.orderBy[0];
    throw new BindError(notSupportedYet(first === undefined ? q.range : first.expr.range, 'ORDER BY', cx.file));
  }
  const rel = bindBody(q.body, inner);
  const limitExpr = q.limit ?? q.fetch;
  if (limitExpr === undefined && q.offset === undefined) return rel;
  const limit = limitExpr === undefined ? Number.MAX_SAFE_INTEGER : constantInt(limitExpr, 'LIMIT', cx);
  const offset = q.offset === undefined ? 0 : constantInt(q.offset, 'OFFSET', cx);
  return { kind: 'limit', input: rel, limit, offset, fields: rel.fields, range: (limitExpr ?? q.offset ?? q).range };
}

function constantInt(e: Expr, what: string, cx: QueryContext): number {
  if (e.kind === 'NumericLiteral' && /^\d+$/.test(e.text)) return Number(e.text);
  throw new BindError(validationError(e.range, `${what} must be a non-negative integer literal`, { file: cx.file }));
}

function bindBody(b: QueryBody, cx: QueryContext): LogicalRel {
  switch (b.kind) {
    case 'Query': return bindQuery(b, cx);
    case 'Select': return bindSelect(b, cx);
    case 'Values': return bindValues(b, cx);
    case 'SetOperation': {
      if (b.op !== 'UNION') throw new BindError(notSupportedYet(b.range, b.op, cx.file));
      if (!b.all) throw new BindError(notSupportedYet(b.range, 'UNION without ALL', cx.file));
      return unionAll([bindBody(b.left, cx), bindBody(b.right, cx)], b.range, cx);
    }
  }
}

function exprContext(scope: Scope, cx: QueryContext): ExprContext {
  return { scope, file: cx.file, evalCtx: cx.evalCtx, session: cx.options.session };
}

function bindSelect(s: Select, cx: QueryContext): LogicalRel {
  if (s.distinct) throw new BindError(notSupportedYet(s.range, 'SELECT DISTINCT', cx.file));
  const g = s.groupBy?.[0];
  if (g !== undefined) throw new BindError(notSupportedYet(g.range, 'aggregations (GROUP BY)', cx.file));
  if (s.having !== undefined) throw new BindError(notSupportedYet(s.having.range, 'aggregations (HAVING)', cx.file));
  const w = s.windows?.[0];
  if (w !== undefined) throw new BindError(notSupportedYet(w.spec.range, 'OVER windows', cx.file));
  const from = s.from === undefined ? oneRow() : bindFrom(s.from, cx);
  const scope = new Scope(from.scope, cx.file);
  const ecx = exprContext(scope, cx);
  let filter: BoundExpr | undefined;
  if (s.where !== undefined) {
    filter = bindExpr(s.where, ecx);
    if (filter.type.kind !== 'BOOLEAN' && filter.type.kind !== 'NULL') {
      throw new BindError(validationError(s.where.range, `WHERE clause must be a condition, got ${printType(filter.type)}`, { file: cx.file }));
    }
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
    const e = bindExpr(item.expr, ecx);
    project.push(e);
    fields.push({ name: unique(item.alias ?? defaultName(item.expr, i), used), type: e.type });
  });
  return { kind: 'calc', input: from.rel, project, ...(filter === undefined ? {} : { filter }), fields };
}

/** Calcite's names: a column keeps its name, anything else is EXPR$i. */
function defaultName(e: Expr, i: number): string {
  if (e.kind === 'Identifier') return e.names[e.names.length - 1] ?? `EXPR$${i}`;
  if (e.kind === 'FieldAccess') return e.field;
  return `EXPR$${i}`;
}

function unique(name: string, used: Set<string>): string {
  let n = name;
  for (let k = 0; used.has(n); k++) n = `${name}${k}`;
  used.add(n);
  return n;
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
      let rel: LogicalRel;
      if (cte !== undefined) {
        const inner = new Map(cx.ctes);
        inner.delete(cte.name);
        rel = renamed(bindQuery(cte.query, { ...cx, ctes: inner }), cte.columns, t.range, cx);
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
    case 'Join': throw new BindError(notSupportedYet(t.range, 'joins', cx.file));
    case 'TableFunction': throw new BindError(notSupportedYet(t.range, isWindow(t.call.name) ? 'windows' : 'table functions', cx.file));
    case 'Unnest': throw new BindError(notSupportedYet(t.range, 'UNNEST', cx.file));
    case 'MatchRecognize': throw new BindError(notSupportedYet(t.range, 'MATCH_RECOGNIZE', cx.file));
  }
}

function isWindow(name: readonly string[]): boolean {
  return ['TUMBLE', 'HOP', 'CUMULATE', 'SESSION'].includes((name[name.length - 1] ?? '').toUpperCase());
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

function bindValues(v: Values, cx: QueryContext): LogicalRel {
  const ecx = exprContext(new Scope([], cx.file), cx);
  const rows = v.rows.map((r) => (r.kind === 'RowConstructor' ? r.fields : [r]).map((e) => bindExpr(e, ecx)));
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (r.length !== width) throw new BindError(validationError(v.rows[i]?.range ?? v.range, 'Values passed to VALUES operator must have compatible types', { file: cx.file }));
  });
  const fields: BoundField[] = [];
  for (let c = 0; c < width; c++) {
    const types = rows.map((r) => (r[c] as BoundExpr).type);
    const common = leastRestrictive(types);
    if (common === undefined) throw new BindError(validationError(v.range, 'Values passed to VALUES operator must have compatible types', { file: cx.file }));
    fields.push({ name: `EXPR$${c}`, type: common });
  }
  const coerced = rows.map((r) => r.map((e, c) => coerce(e, (fields[c] as BoundField).type, cx.evalCtx.timeZone)));
  return { kind: 'values', rows: coerced, fields };
}

/** UNION ALL: inputs of equal width, cast to the column-wise common type. */
export function unionAll(inputs: readonly LogicalRel[], range: Range, cx: QueryContext): LogicalRel {
  const flat = inputs.flatMap((r) => (r.kind === 'union' ? r.inputs : [r]));
  const visible = flat.map((r) => r.fields.filter((f) => f.hidden !== true));
  const width = visible[0]?.length ?? 0;
  if (visible.some((v) => v.length !== width)) throw new BindError(validationError(range, 'Column count mismatch in UNION ALL', { file: cx.file }));
  const fields: BoundField[] = [];
  for (let c = 0; c < width; c++) {
    const types = visible.map((v) => (v[c] as BoundField).type);
    const common = leastRestrictive(types);
    if (common === undefined) throw new BindError(validationError(range, `Type mismatch in column ${c + 1} of UNION ALL: ${types.map((t) => printType(t)).join(', ')}`, { file: cx.file }));
    fields.push({ name: (visible[0]?.[c] as BoundField).name, type: withNullable(common, types.some((t) => t.nullable)) });
  }
  const shaped = flat.map((r) => {
    const idx = r.fields.map((f, i) => (f.hidden === true ? -1 : i)).filter((i) => i >= 0);
    const same = idx.length === r.fields.length && fields.every((f, c) => { const t = r.fields[c]?.type; return t !== undefined && typesEqual(t, f.type); });
    if (same) return r;
    const project = idx.map((i, c) => coerce({ kind: 'input', index: i, type: (r.fields[i] as BoundField).type }, (fields[c] as BoundField).type, cx.evalCtx.timeZone));
    return { kind: 'calc', input: r, project, fields } as LogicalRel;
  });
  return { kind: 'union', inputs: shaped, fields };
}
