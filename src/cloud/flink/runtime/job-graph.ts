/**
 * A statement's physical job: sources, operators and sinks (the planner's output) joined by edges
 * into numbered operator inputs. Node ids name state in checkpoints, so a planner must give the
 * same query the same ids on every run (e.g. the node's position in the plan).
 */
import { invariant } from '../../../shared/index.js';
import type { Operator } from './operator.js';
import type { Sink } from './sink.js';
import type { Source } from './source.js';

/** One node of a job. */
export type JobNode =
  /**
   * `drain`: the source feeds a processing-time temporal (lookup) join's table: each slice reads it
   * up to its current end before the other sources, so a probe sees the table's current rows.
   */
  | { readonly kind: 'source'; readonly id: string; readonly source: Source; readonly drain?: true }
  | { readonly kind: 'operator'; readonly id: string; readonly operator: Operator }
  | { readonly kind: 'sink'; readonly id: string; readonly sink: Sink };

/** Output of `from` feeds input `input` (default 0) of `to`. */
export interface JobEdge {
  readonly from: string;
  readonly to: string;
  readonly input?: number;
}

/** A job: nodes and edges. */
export interface JobGraph {
  readonly nodes: readonly JobNode[];
  readonly edges: readonly JobEdge[];
}

/** The graph's nodes in topological order, with each operator's input count; throws on a malformed graph (a planner bug). */
export function orderJob(graph: JobGraph): { readonly order: readonly JobNode[]; readonly inputs: ReadonlyMap<string, number> } {
  const byId = new Map<string, JobNode>();
  for (const n of graph.nodes) {
    invariant(!byId.has(n.id), `job node id '${n.id}' is used twice`);
    byId.set(n.id, n);
  }
  const inputs = new Map<string, Set<number>>();
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    invariant(from !== undefined && to !== undefined, `job edge ${e.from} → ${e.to} names an unknown node`);
    invariant(from.kind !== 'sink', `sink '${from.id}' cannot have outputs`);
    invariant(to.kind !== 'source', `source '${to.id}' cannot have inputs`);
    const set = inputs.get(e.to) ?? new Set<number>();
    set.add(to.kind === 'sink' ? set.size : (e.input ?? 0));
    inputs.set(e.to, set);
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const n of graph.nodes) {
    if (n.kind === 'source') continue;
    const set = inputs.get(n.id);
    invariant(set !== undefined && set.size > 0, `'${n.id}' has no input`);
    for (let i = 0; i < set.size; i++) invariant(set.has(i), `'${n.id}' inputs must be numbered 0..${set.size - 1}`);
    counts.set(n.id, set.size);
  }
  const order: JobNode[] = [];
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0);
  while (ready.length > 0) {
    const n = ready.shift() as JobNode;
    order.push(n);
    for (const e of graph.edges) {
      if (e.from !== n.id) continue;
      const d = (indegree.get(e.to) ?? 0) - 1;
      indegree.set(e.to, d);
      if (d === 0) ready.push(byId.get(e.to) as JobNode);
    }
  }
  invariant(order.length === graph.nodes.length, 'a job graph must be acyclic');
  return { order, inputs: counts };
}
