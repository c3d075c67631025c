/**
 * Subqueries in HAVING (`HAVING customer_id IN (SELECT …)`, `HAVING SUM(x) > (SELECT AVG(…) …)`,
 * `HAVING [NOT] EXISTS (…)`): the aggregation is bound first and the subquery conjuncts filter its
 * rows, as Flink plans them (a semi / anti join or a scalar join above the aggregate). AST rewrite:
 *   SELECT items FROM … GROUP BY … HAVING rest AND c
 *   → SELECT <item names> FROM (SELECT items, <c's outer parts> AS $hvN FROM … GROUP BY … HAVING rest) WHERE c'
 * where c' reads the lifted `$hvN` columns outside its subqueries. A subquery correlated with the
 * aggregation reaches its columns by their output names.
 */
import type { Expr, Select, SelectItem } from '../sql/index.js';
import { defaultName } from './scope.js';
import { BindError, notSupportedYet } from './sql-error.js';
import { conjuncts, hasScalar } from './bind-scalar-subquery.js';
import { hasPredicate } from './bind-predicate-subquery.js';

function hasSubquery(e: Expr): boolean {
  return hasPredicate(e) || hasScalar(e) || e.kind === 'Exists' || e.kind === 'InQuery';
}

/** The SELECT rewritten so that HAVING's subquery conjuncts filter the aggregated rows; undefined when there are none. */
export function havingSubqueries(select: Select, file: string): Select | undefined {
  const having = select.having;
  if (having === undefined) return undefined;
  const all = conjuncts(having);
  const moved = all.filter(hasSubquery);
  if (moved.length === 0) return undefined;
  const star = select.items.find((i) => i.expr.kind === 'Star');
  if (star !== undefined) throw new BindError(notSupportedYet(star.range, 'subqueries in HAVING with SELECT *', file));
  const kept = all.filter((c) => !hasSubquery(c));
  const lifted: SelectItem[] = [];
  const lift = (e: Expr): Expr => {
    if (e.kind === 'Exists' || e.kind === 'ScalarSubquery') return e;
    if (e.kind === 'InQuery') return { ...e, expr: lift(e.expr) };
    if (!hasSubquery(e)) {
      const alias = `$hv${lifted.length}`;
      lifted.push({ range: e.range, expr: e, alias });
      return { kind: 'Identifier', names: [alias], range: e.range };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) out[k] = liftValue(v);
    return out as unknown as Expr;
  };
  const liftValue = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(liftValue);
    if (v !== null && typeof v === 'object' && 'kind' in v && 'range' in v) return lift(v as Expr);
    return v;
  };
  const filters = moved.map(lift);
  const names = select.items.map((item, i) => item.alias ?? defaultName(item.expr, i));
  const and = (a: Expr, b: Expr): Expr => ({ kind: 'Binary', op: 'AND', left: a, right: b, range: { start: a.range.start, end: b.range.end } });
  const keptHaving = kept.length === 0 ? undefined : kept.reduce(and);
  const { having: _h, ...base } = select;
  const inner: Select = {
    ...base, ...(keptHaving === undefined ? {} : { having: keptHaving }),
    items: [...select.items.map((item, i) => ({ ...item, alias: names[i] as string })), ...lifted],
  };
  return {
    kind: 'Select', distinct: false, hints: [], range: select.range,
    items: names.map((n, i) => ({ range: select.items[i]?.range ?? select.range, expr: { kind: 'Identifier', names: [n], range: select.items[i]?.range ?? select.range }, alias: n })),
    from: { kind: 'DerivedTable', lateral: false, query: { kind: 'Query', body: inner, range: select.range }, alias: { range: select.range, name: '$having' }, range: select.range },
    where: filters.reduce(and),
  };
}
