/**
 * Tells a stateless statement from a stateful one, from its physical plan. "Stateless" is what
 * Confluent's carry-over offsets accept (confluent-flink.md §5.3): every event is processed on its
 * own and in any order — scans, projections and filters, UNNEST, UNION ALL and append sinks.
 * Aggregates (including LAG and other OVER functions), windows, joins, MATCH_RECOGNIZE, Top-N,
 * deduplication, LIMIT, the normalization of upsert sources and upsert or retract sinks keep state:
 * restarting such a statement at the old one's offsets would lose that state.
 */
import type { PhysicalNode, PhysicalPlan } from './types.js';

/** Why a plan is stateful (empty: stateless), in plain words, first occurrence of each. */
export function statefulReasons(plan: PhysicalPlan): string[] {
  const reasons = new Set<string>();
  const seen = new Set<PhysicalNode>();
  const visit = (n: PhysicalNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const why = REASONS[n.kind];
    if (why !== undefined) reasons.add(why);
    for (const c of childrenOf(n)) visit(c);
  };
  for (const s of plan.sinks) {
    if (s.kind === 'topic-sink' && s.table.changelogMode !== 'append') reasons.add(`an ${s.table.changelogMode} sink (${s.table.name})`);
    visit(s.input);
  }
  return [...reasons];
}

/** True for a node kind that keeps operator state of its own. */
export function isStatefulNode(kind: string): boolean {
  return (REASONS as Record<string, string | undefined>)[kind] !== undefined;
}

/** True when the plan keeps state (see the file header). */
export function isStatefulPlan(plan: PhysicalPlan): boolean {
  return statefulReasons(plan).length > 0;
}

const REASONS: Partial<Record<PhysicalNode['kind'], string>> = {
  'group-aggregate': 'an aggregation (GROUP BY or a global aggregate)',
  'window-aggregate': 'a window aggregation',
  'window-tvf': 'a window table function',
  'window-rank': 'a window Top-N',
  'window-deduplicate': 'a window deduplication',
  'rank': 'a Top-N',
  'deduplicate': 'a deduplication',
  'over': 'an OVER aggregation (including LAG/LEAD)',
  'match-recognize': 'MATCH_RECOGNIZE (pattern matching)',
  'join': 'a join',
  'limit': 'a LIMIT',
  'normalize': 'an upsert source (normalized by its primary key)',
};

function childrenOf(n: PhysicalNode): PhysicalNode[] {
  const r = n as { input?: PhysicalNode; inputs?: readonly PhysicalNode[]; left?: PhysicalNode; right?: PhysicalNode };
  const out: PhysicalNode[] = [];
  if (r.input !== undefined) out.push(r.input);
  if (r.inputs !== undefined) out.push(...r.inputs);
  if (r.left !== undefined) out.push(r.left);
  if (r.right !== undefined) out.push(r.right);
  return out;
}
