/**
 * IN / EXISTS used as values — in the SELECT list, under OR / NOT / CASE in WHERE — rewritten (on the
 * AST) to COUNT scalar subqueries, which bind-scalar-subquery.ts joins like Flink's decorrelated
 * plans; a top-level WHERE conjunct stays a semi / anti join (bind-subquery.ts).
 *
 *   EXISTS (q)          COALESCE((SELECT COUNT(*) FROM … WHERE …), 0) > 0
 *   x IN (SELECT y …)   CASE WHEN count(y = x) > 0 THEN TRUE WHEN count(*) = 0 THEN FALSE
 *                       WHEN x IS NULL OR count(y IS NULL) > 0 THEN UNKNOWN ELSE FALSE END
 *   x NOT IN (…)        NOT (x IN (…))   — SQL's three-valued IN, NULLs included
 *
 * A plain `SELECT … FROM … WHERE …` keeps its correlation (the counts decorrelate by equalities);
 * anything else is counted as a derived table.
 */
import type { Expr, Query, Range, Select, SelectItem } from '../sql/index.js';
import { isAggregateSelect } from './bind-aggregate.js';

type Predicate = Extract<Expr, { kind: 'InQuery' | 'Exists' }>;

/** Rewrites every IN / EXISTS subquery in `e` (not inside other subqueries' bodies). */
export function predicatesAsScalars<T>(e: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x === null || typeof x !== 'object') return x;
    const n = x as Expr;
    if (n.kind === 'InQuery' || n.kind === 'Exists') return rewrite(n);
    if (n.kind === 'ScalarSubquery') return n;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) copy[k] = k === 'range' ? v : walk(v);
    return copy;
  };
  return walk(e) as T;
}

/** True when the expression holds an IN / EXISTS subquery (outside scalar subqueries). */
export function hasPredicate(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(hasPredicate);
  if (e === null || typeof e !== 'object') return false;
  const n = e as Expr;
  if (n.kind === 'InQuery' || n.kind === 'Exists') return true;
  if (n.kind === 'ScalarSubquery') return false;
  return Object.entries(n).some(([k, v]) => k !== 'range' && hasPredicate(v));
}

function rewrite(p: Predicate): Expr {
  const r = p.range;
  if (p.kind === 'Exists') return bin('>', count(p.query, undefined, r), num('0', r), r);
  const x = p.expr;
  if (x.kind === 'RowConstructor') return p; // several columns: left to the "not supported yet" of bind-expression.ts
  const found = count(p.query, (item) => bin('=', item, x, r), r);
  const nulls = count(p.query, (item) => ({ kind: 'Is', expr: item, negated: false, test: 'NULL', range: r }), r);
  const unknown: Expr = bin('OR', { kind: 'Is', expr: x, negated: false, test: 'NULL', range: r }, bin('>', nulls, num('0', r), r), r);
  const value: Expr = {
    kind: 'Case', range: r,
    whens: [
      { when: bin('>', found, num('0', r), r), then: bool('TRUE', r) },
      { when: bin('=', count(p.query, undefined, r), num('0', r), r), then: bool('FALSE', r) },
      { when: unknown, then: bool('UNKNOWN', r) },
    ],
    else: bool('FALSE', r),
  };
  return p.negated ? { kind: 'Unary', op: 'NOT', operand: value, range: r } : value;
}

/** `COALESCE((SELECT COUNT(*) FROM … WHERE … [AND extra(item)]), 0)`. */
function count(q: Query, extra: ((item: Expr) => Expr) | undefined, r: Range): Expr {
  const star: Expr = { kind: 'FunctionCall', name: ['COUNT'], args: [{ kind: 'Star', range: r }], range: r };
  const countItem: SelectItem = { range: r, expr: star };
  let body: Select;
  if (isPlain(q, extra !== undefined)) {
    const sel = q.body as Select;
    const item = sel.items[0]?.expr ?? star;
    const more = extra?.(item);
    const where = sel.where === undefined ? more : more === undefined ? sel.where : bin('AND', sel.where, more, r);
    const { where: _w, ...rest } = sel;
    body = { ...rest, items: [countItem], ...(where === undefined ? {} : { where }) };
  } else {
    const v: Expr = { kind: 'Identifier', names: ['$v'], range: r };
    const more = extra?.(v);
    body = {
      kind: 'Select', range: r, distinct: false, hints: [], items: [countItem],
      from: { kind: 'DerivedTable', query: q, lateral: false, range: r, alias: { range: r, name: '$sq', ...(extra === undefined ? {} : { columns: ['$v'] }) } },
      ...(more === undefined ? {} : { where: more }),
    };
  }
  const scalar: Expr = { kind: 'ScalarSubquery', query: { kind: 'Query', body, range: r }, range: r };
  return { kind: 'FunctionCall', name: ['COALESCE'], args: [scalar, num('0', r)], range: r };
}

/** A `SELECT … FROM … WHERE …` whose rows can be counted in place (IN needs its one compared column). */
function isPlain(q: Query, needsItem: boolean): boolean {
  if (q.with !== undefined || q.orderBy !== undefined || q.limit !== undefined || q.offset !== undefined || q.fetch !== undefined) return false;
  const b = q.body;
  if (b.kind !== 'Select' || b.from === undefined || b.distinct || isAggregateSelect(b)) return false;
  return !needsItem || (b.items.length === 1 && b.items[0]?.expr.kind !== 'Star');
}

function bin(op: Extract<Expr, { kind: 'Binary' }>['op'], left: Expr, right: Expr, range: Range): Expr {
  return { kind: 'Binary', op, left, right, range };
}

function num(text: string, range: Range): Expr {
  return { kind: 'NumericLiteral', text, range };
}

function bool(value: 'TRUE' | 'FALSE' | 'UNKNOWN', range: Range): Expr {
  return { kind: 'BooleanLiteral', value, range };
}
