/**
 * Which graph nodes a -target plan or apply visits, after Terraform's TargetsTransformer:
 * - a target brings in every node it depends on (references and depends_on, transitively);
 *   in a destroy, it brings in every resource that depends on it instead (they go first);
 * - a root output is kept only when every resource it reads is in that set (and it reads at
 *   least one); other outputs are not evaluated and keep their prior value;
 * - every node a kept node needs (locals, variables, providers, module expansion) is walked.
 * Only the targeted resources themselves are narrowed to the targeted instances.
 */
import { formatModulePath, parseAddress, targetMatches, type InstanceAddr, type TargetAddr } from '../addr/index.js';
import type { PlanMode } from '../plan/index.js';
import type { ConfigGraph } from './build-graph.js';

export interface TargetSet {
  /** Resource (and orphan) nodes matching a target: narrowed to the targeted instances. */
  readonly matching: ReadonlySet<string>;
  /** Resource nodes brought in whole (dependencies, or dependents in a destroy). */
  readonly whole: ReadonlySet<string>;
  /** Every node the walk visits; the rest are skipped. */
  readonly walked: ReadonlySet<string>;
}

function isResourceNode(g: ConfigGraph, id: string): boolean {
  const k = g.get(id)?.data.kind;
  return k === 'resource' || k === 'orphan';
}

/** Whether `t` names (part of) the resource or orphan node `id`. */
function nodeMatches(g: ConfigGraph, id: string, t: TargetAddr): boolean {
  const n = g.get(id)?.data;
  if (!n) return false;
  if (n.kind === 'orphan') {
    const p = parseAddress(n.resourceAddr).value;
    if (!p || p.kind === 'module') return false;
    return targetMatches(t.kind === 'instance' ? { kind: 'resource', addr: t.addr } : t, p.addr);
  }
  if (n.kind !== 'resource') return false;
  const path = n.module.path;
  const configPath = (a: InstanceAddr['module']): string => formatModulePath(a).replace(/\[[^\]]*\]/g, '');
  if (t.kind === 'module') { const p = configPath(t.module); return path === p || path.startsWith(p + '.'); }
  return configPath(t.addr.module) === path && t.addr.mode === n.resource.mode && t.addr.type === n.resource.type && t.addr.name === n.resource.name;
}

/** The nodes a walk with `targets` visits. */
export function targetSet(g: ConfigGraph, targets: readonly TargetAddr[], mode: PlanMode): TargetSet {
  const matching = new Set(g.nodes().filter((n) => isResourceNode(g, n.id) && targets.some((t) => nodeMatches(g, n.id, t))).map((n) => n.id));
  const related = mode === 'destroy' ? g.descendants(matching) : g.ancestors(matching);
  const whole = new Set([...related].filter((id) => isResourceNode(g, id) && !matching.has(id)));
  const kept = new Set([...matching, ...whole]);
  const walked = new Set([...kept, ...g.ancestors(kept)]);
  if (mode !== 'destroy') {
    for (const n of g.nodes()) {
      if (n.data.kind !== 'output' || n.data.module.path !== '') continue;
      const deps = g.ancestors([n.id]);
      const resources = [...deps].filter((id) => isResourceNode(g, id));
      if (resources.length === 0 || !resources.every((id) => kept.has(id))) continue;
      walked.add(n.id);
      for (const d of deps) walked.add(d);
    }
  }
  return { matching, whole, walked };
}
