/**
 * Top-N and deduplication: a query over a subquery that ranks (`ROW_NUMBER() OVER (…) AS rn`) and
 * filters on the rank (`WHERE rn = 1`, `rn <= N`, `rn < N`, `rn BETWEEN a AND b`) → the rank
 * relation with that range. The rank number is output only when the outer query uses it.
 */
import type { Expr } from '../sql/index.js';
import type { LogicalRel } from './types.js';
import type { Scope } from './scope.js';

/** The FROM relation with the rank range pushed in, and what is left of the WHERE clause. */
export interface RankPush {
  readonly rel: LogicalRel;
  readonly where?: Expr;
}

/** Pushes `rn` conditions of `where` into a pending rank under `rel` (a projection of the rank). */
export function pushRankFilter(rel: LogicalRel, where: Expr | undefined, scope: Scope, uses: (name: string) => boolean): RankPush {
  const unchanged: RankPush = { rel, ...(where === undefined ? {} : { where }) };
  if (rel.kind !== 'calc' || rel.filter !== undefined || rel.input.kind !== 'rank' || rel.input.rankEnd !== Number.POSITIVE_INFINITY) return unchanged;
  const rank = rel.input;
  const rankIdx = rank.fields.length - 1;
  const j = rel.project.findIndex((e) => e.kind === 'input' && e.index === rankIdx);
  const rnName = rel.fields[j]?.name;
  if (j < 0 || rnName === undefined || where === undefined) return unchanged;
  let start = 1;
  let end = Number.POSITIVE_INFINITY;
  const isRn = (e: Expr): boolean => e.kind === 'Identifier' && (() => { try { return scope.resolve(e).field.index === j; } catch { return false; } })();
  const num = (e: Expr): number | undefined => (e.kind === 'NumericLiteral' && /^\d+$/.test(e.text) ? Number(e.text) : undefined);
  const rest: Expr[] = [];
  for (const c of conjuncts(where)) {
    if (c.kind === 'Binary' && isRn(c.left) && num(c.right) !== undefined) {
      const n = num(c.right) as number;
      if (c.op === '=') { start = Math.max(start, n); end = Math.min(end, n); continue; }
      if (c.op === '<=') { end = Math.min(end, n); continue; }
      if (c.op === '<') { end = Math.min(end, n - 1); continue; }
    }
    if (c.kind === 'Binary' && isRn(c.right) && num(c.left) !== undefined) {
      const n = num(c.left) as number;
      if (c.op === '>=') { end = Math.min(end, n); continue; }
      if (c.op === '>') { end = Math.min(end, n - 1); continue; }
    }
    if (c.kind === 'Between' && !c.negated && isRn(c.expr) && num(c.low) !== undefined && num(c.high) !== undefined) {
      start = Math.max(start, num(c.low) as number);
      end = Math.min(end, num(c.high) as number);
      continue;
    }
    rest.push(c);
  }
  if (end === Number.POSITIVE_INFINITY) return unchanged;
  const remaining = rest.reduce<Expr | undefined>((acc, c) => (acc === undefined ? c : { kind: 'Binary', op: 'AND', left: acc, right: c, range: c.range }), undefined);
  const outputRank = uses(rnName) || (remaining !== undefined && mentions(remaining, rnName));
  const pushed: LogicalRel = { ...rank, rankStart: start, rankEnd: end, outputRank };
  return { rel: { ...rel, input: pushed }, ...(remaining === undefined ? {} : { where: remaining }) };
}

function conjuncts(e: Expr): Expr[] {
  return e.kind === 'Binary' && e.op === 'AND' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** True when an identifier named `name` (or `*`) appears in an AST. */
export function mentions(e: unknown, name: string): boolean {
  if (Array.isArray(e)) return e.some((x) => mentions(x, name));
  if (e === null || typeof e !== 'object') return false;
  const n = e as { kind?: string; names?: readonly string[] };
  if (n.kind === 'Identifier' && n.names !== undefined && n.names[n.names.length - 1] === name) return true;
  if (n.kind === 'Star') return true;
  return Object.entries(e).some(([k, v]) => k !== 'range' && mentions(v, name));
}
