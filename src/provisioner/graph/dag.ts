/**
 * A small directed acyclic graph of string-keyed nodes: edges point from a node to the nodes it
 * depends on. Used for configuration objects (plan/apply walks) and for `streamform graph`.
 */
import type { SourceRange } from '../../shared/index.js';

export interface DagNode<T> {
  readonly id: string;
  readonly data: T;
  readonly range?: SourceRange;
}

export class Dag<T> {
  readonly #nodes = new Map<string, DagNode<T>>();
  readonly #deps = new Map<string, Set<string>>();

  add(node: DagNode<T>): void {
    this.#nodes.set(node.id, node);
    if (!this.#deps.has(node.id)) this.#deps.set(node.id, new Set());
  }

  has(id: string): boolean { return this.#nodes.has(id); }
  get(id: string): DagNode<T> | undefined { return this.#nodes.get(id); }
  get size(): number { return this.#nodes.size; }

  /** `from` depends on `to` (so `to` runs first in a forward walk). */
  depend(from: string, to: string): void {
    if (from === to) return;
    let s = this.#deps.get(from);
    if (!s) { s = new Set(); this.#deps.set(from, s); }
    s.add(to);
  }

  dependencies(id: string): ReadonlySet<string> { return this.#deps.get(id) ?? new Set(); }

  nodes(): DagNode<T>[] { return [...this.#nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); }

  /** Edges to nodes that do not exist are dropped (references to undeclared things error elsewhere). */
  prune(): void {
    for (const [id, s] of this.#deps) {
      if (!this.#nodes.has(id)) { this.#deps.delete(id); continue; }
      for (const d of s) if (!this.#nodes.has(d)) s.delete(d);
    }
  }

  /** Every node `id` depends on, transitively. */
  ancestors(ids: Iterable<string>): Set<string> {
    const out = new Set<string>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      for (const d of this.dependencies(id)) if (!out.has(d)) { out.add(d); stack.push(d); }
    }
    return out;
  }

  /** Every node that depends on one of `ids`, transitively. */
  descendants(ids: Iterable<string>): Set<string> {
    const rev = this.#reverse();
    const out = new Set<string>();
    const stack = [...ids];
    while (stack.length) {
      const id = stack.pop()!;
      for (const d of rev.get(id) ?? []) if (!out.has(d)) { out.add(d); stack.push(d); }
    }
    return out;
  }

  #reverse(): Map<string, Set<string>> {
    const rev = new Map<string, Set<string>>();
    for (const [id, s] of this.#deps) for (const d of s) {
      let r = rev.get(d);
      if (!r) { r = new Set(); rev.set(d, r); }
      r.add(id);
    }
    return rev;
  }

  /** Cycles, each as the list of node ids along it (first id repeated at the end). */
  cycles(): string[][] {
    const out: string[][] = [];
    const state = new Map<string, 1 | 2>();
    const stack: string[] = [];
    const visit = (id: string): void => {
      state.set(id, 1);
      stack.push(id);
      for (const d of [...this.dependencies(id)].sort()) {
        const st = state.get(d);
        if (st === 1) { const i = stack.indexOf(d); out.push([...stack.slice(i), d]); }
        else if (st === undefined) visit(d);
      }
      stack.pop();
      state.set(id, 2);
    };
    for (const n of this.nodes()) if (!state.has(n.id)) visit(n.id);
    return out;
  }

  /** Node ids in a dependency-respecting order (ties broken by id, so the order is stable). */
  topoOrder(): string[] {
    const indeg = new Map<string, number>();
    const rev = this.#reverse();
    for (const n of this.#nodes.keys()) indeg.set(n, this.dependencies(n).size);
    const ready = [...indeg].filter(([, d]) => d === 0).map(([id]) => id).sort();
    const out: string[] = [];
    while (ready.length) {
      const id = ready.shift()!;
      out.push(id);
      for (const r of [...(rev.get(id) ?? [])].sort()) {
        const d = indeg.get(r)! - 1;
        indeg.set(r, d);
        if (d === 0) ready.push(r);
      }
    }
    return out;
  }

  /** DOT text for `streamform graph`. */
  toDot(label: (n: DagNode<T>) => string = (n) => n.id): string {
    const lines = ['digraph {', '  compound = "true"', '  newrank = "true"', '  subgraph "root" {'];
    for (const n of this.nodes()) lines.push(`    "[root] ${label(n)}" [label = "${label(n)}", shape = "box"]`);
    for (const n of this.nodes()) for (const d of [...this.dependencies(n.id)].sort()) {
      const dn = this.#nodes.get(d);
      if (dn) lines.push(`    "[root] ${label(n)}" -> "[root] ${label(dn)}"`);
    }
    lines.push('  }', '}');
    return lines.join('\n') + '\n';
  }
}

/**
 * Walks the graph: a node runs once all its dependencies finished; when `reverse`, once all its
 * dependents finished. A node whose dependency failed is skipped (its `run` is not called) and
 * reported as skipped; independent branches go on. At most `parallelism` nodes run at once.
 */
export async function walkDag<T>(dag: Dag<T>, run: (node: DagNode<T>) => Promise<boolean>, opts: { parallelism: number; reverse?: boolean; signal?: AbortSignal }): Promise<{ failed: Set<string>; skipped: Set<string> }> {
  const ids = dag.nodes().map((n) => n.id);
  const deps = new Map<string, Set<string>>();
  const rev = new Map<string, Set<string>>();
  for (const id of ids) { deps.set(id, new Set()); rev.set(id, new Set()); }
  for (const id of ids) for (const d of dag.dependencies(id)) {
    if (!deps.has(d)) continue;
    if (opts.reverse) { deps.get(d)!.add(id); rev.get(id)!.add(d); }
    else { deps.get(id)!.add(d); rev.get(d)!.add(id); }
  }
  const remaining = new Map<string, number>();
  for (const id of ids) remaining.set(id, deps.get(id)!.size);
  const failed = new Set<string>();
  const skipped = new Set<string>();
  const ready = ids.filter((id) => remaining.get(id) === 0);
  let running = 0;
  let done = 0;
  return new Promise((resolveWalk) => {
    const finish = (id: string, ok: boolean): void => {
      done++;
      if (!ok) failed.add(id);
      for (const r of rev.get(id)!) {
        if (!ok || skipped.has(id) || failed.has(id)) markSkipped(r);
        const left = remaining.get(r)! - 1;
        remaining.set(r, left);
        if (left === 0) ready.push(r);
      }
      pump();
    };
    const markSkipped = (id: string): void => { if (!skipped.has(id)) skipped.add(id); };
    const pump = (): void => {
      while (running < opts.parallelism && ready.length) {
        const id = ready.shift()!;
        if (skipped.has(id) || opts.signal?.aborted) { skipped.add(id); done++; for (const r of rev.get(id)!) { markSkipped(r); const left = remaining.get(r)! - 1; remaining.set(r, left); if (left === 0) ready.push(r); } continue; }
        running++;
        const node = dag.get(id)!;
        run(node).then((ok) => { running--; finish(id, ok); }, () => { running--; finish(id, false); });
      }
      if (running === 0 && ready.length === 0 && done >= ids.length) resolveWalk({ failed, skipped });
      else if (running === 0 && ready.length === 0) resolveWalk({ failed, skipped }); // cycles leave nodes unrun
    };
    pump();
  });
}
