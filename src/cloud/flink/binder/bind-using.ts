/**
 * USING's common columns (bind-join.ts): how an unqualified `c` of `a JOIN b USING (c)` resolves and
 * where `*` lists it.
 */
import type { BoundExpr, BoundField, LogicalRel } from './types.js';
import type { ScopeField } from './scope.js';
import { call } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import type { JoinFrom } from './bind-join.js';

type JoinRel = Extract<LogicalRel, { kind: 'join' }>;

/**
 * USING's common columns, as Calcite expands them: an unqualified `c` is `COALESCE(l.c, r.c)` (the
 * left copy for INNER / LEFT joins, the right copy for RIGHT joins, a computed column for FULL
 * joins), listed first by `*`; `l.c` and `r.c` stay reachable qualified.
 */
export function usingColumns(join: JoinRel, scope: readonly ScopeField[], using: readonly { li: number; ri: number; name: string }[], ecx: ExprContext): JoinFrom {
  const width = join.fields.length;
  const common: ScopeField[] = [];
  const extra: BoundExpr[] = [];
  for (const u of using) {
    if (join.joinType === 'FULL') {
      const at = (i: number): BoundExpr => ({ kind: 'input', index: i, type: (join.fields[i] as BoundField).type });
      const e = call('COALESCE', [at(u.li), at(u.ri)], join.range, ecx);
      common.push({ name: u.name, type: e.type, index: width + extra.length, hidden: false });
      extra.push(e);
    } else {
      common.push(unqualified(scope.find((f) => f.index === (join.joinType === 'RIGHT' ? u.ri : u.li)) as ScopeField));
    }
  }
  const copies = new Set(using.flatMap((u) => [u.li, u.ri]));
  const rest = scope.map((f) => (copies.has(f.index) ? { ...f, shadowed: true } : f));
  if (extra.length === 0) return { rel: join, scope: [...common, ...rest] };
  const project = [...join.fields.map((f, i): BoundExpr => ({ kind: 'input', index: i, type: f.type })), ...extra];
  const fields = [...join.fields, ...common.map((c) => ({ name: c.name, type: c.type, hidden: true }))];
  return { rel: { kind: 'calc', input: join, project, fields }, scope: [...common, ...rest] };
}

function unqualified(f: ScopeField): ScopeField {
  const { qualifier: _q, ...rest } = f;
  return rest;
}
