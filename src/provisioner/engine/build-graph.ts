/**
 * Builds the dependency graph of configuration objects (variables, locals, outputs, resources,
 * data sources, module calls, provider configurations) across the whole module tree, from the
 * references in their expressions and from depends_on. Resource instances are expanded later,
 * inside their node, because count/for_each may depend on other nodes.
 */
import type { Diagnostic, SourceRange } from '../../shared/index.js';
import { errorDiag } from '../../shared/index.js';
import type { Attribute, Body, ModuleConfig, ResourceConfig, TraversalRef } from '../config/index.js';
import { Dag } from '../graph/index.js';
import type { Expr, Reference } from '../lang/index.js';
import { referencesOf } from '../lang/index.js';
import { flattenModules, nodeId, nodeLabel, type ModuleNode } from './module-tree.js';

export type GraphNodeData =
  | { readonly kind: 'variable'; readonly module: ModuleNode; readonly name: string }
  | { readonly kind: 'local'; readonly module: ModuleNode; readonly name: string; readonly attr: Attribute }
  | { readonly kind: 'output'; readonly module: ModuleNode; readonly name: string }
  | { readonly kind: 'resource'; readonly module: ModuleNode; readonly resource: ResourceConfig }
  | { readonly kind: 'module-expand'; readonly module: ModuleNode; readonly child: ModuleNode }
  | { readonly kind: 'module-value'; readonly module: ModuleNode; readonly child: ModuleNode }
  | { readonly kind: 'provider'; readonly module: ModuleNode; readonly name: string; readonly alias?: string }
  | { readonly kind: 'orphan'; readonly resourceAddr: string };

export type ConfigGraph = Dag<GraphNodeData>;

/** Every expression inside a body, nested blocks included. */
export function bodyExprs(body: Body): Expr[] {
  const out: Expr[] = [];
  for (const a of body.attributes.values()) out.push(a.expr);
  for (const b of body.blocks) out.push(...bodyExprs(b.body));
  return out;
}

function refNode(mod: string, r: Reference): string | undefined {
  switch (r.kind) {
    case 'var': return nodeId.variable(mod, r.name);
    case 'local': return nodeId.local(mod, r.name);
    case 'module': return nodeId.moduleValue(mod, r.name);
    case 'resource': return nodeId.resource(mod, 'managed', r.type, r.name);
    case 'data': return nodeId.resource(mod, 'data', r.type, r.name);
    default: return undefined;
  }
}

/**
 * Node ids for a depends_on entry such as `random_id.a`, `module.m` or `data.x.y`. A module entry
 * means every resource in that module (and its children), as in Terraform, not only those its
 * outputs read.
 */
function dependsOnNodes(mod: string, t: TraversalRef, modules: readonly ModuleNode[]): string[] {
  const parts = t.text.replace(/\[[^\]]*\]/g, '').split('.');
  if (parts[0] === 'module' && parts[1]) {
    const child = `${mod ? mod + '.' : ''}module.${parts[1]}`;
    const inside = modules.filter((m) => m.path === child || m.path.startsWith(child + '.'))
      .flatMap((m) => m.config.resources.map((r) => nodeId.resource(m.path, r.mode, r.type, r.name)));
    return [nodeId.moduleValue(mod, parts[1]), ...inside];
  }
  if (parts[0] === 'data' && parts[1] && parts[2]) return [nodeId.resource(mod, 'data', parts[1], parts[2])];
  if (parts[0] && parts[1]) return [nodeId.resource(mod, 'managed', parts[0], parts[1])];
  return [];
}

/** The provider local name a resource uses (`random_id` → `random`; `provider = x.y` wins). */
export function providerLocalName(r: ResourceConfig): string {
  if (r.provider) return r.provider.name;
  const i = r.type.indexOf('_');
  return i < 0 ? r.type : r.type.slice(0, i);
}

/** Finds the module node and provider block that configure `name`/`alias` for resources in `m`. */
export function resolveProviderConfig(m: ModuleNode, name: string, alias: string | undefined): { module: ModuleNode; name: string; alias?: string } | undefined {
  let cur: ModuleNode | undefined = m;
  let n = name, a = alias;
  while (cur) {
    if (cur.config.providers.some((p) => p.name === n && p.alias === a)) return a === undefined ? { module: cur, name: n } : { module: cur, name: n, alias: a };
    const passed = cur.call?.providers.get(a ? `${n}.${a}` : n);
    if (passed) { n = passed.name; a = passed.alias; }
    else if (a !== undefined) return undefined;
    cur = cur.parent;
  }
  return undefined;
}

export function buildGraph(root: ModuleConfig, stateResourceAddrs: readonly { addr: string; configPath: string; type: string; name: string; mode: 'managed' | 'data'; dependencies: readonly string[] }[]): { graph: ConfigGraph; modules: ModuleNode[]; diagnostics: Diagnostic[] } {
  const g: ConfigGraph = new Dag();
  const modules = flattenModules(root);
  const diagnostics: Diagnostic[] = [];
  const dependOnExprs = (from: string, mod: string, exprs: readonly Expr[]): void => {
    for (const e of exprs) for (const u of referencesOf(e)) { const t = refNode(mod, u.ref); if (t) g.depend(from, t); }
  };
  const parentOf = (m: ModuleNode): string => m.parent?.path ?? '';
  const expandOf = (m: ModuleNode): string | undefined => (m.call ? nodeId.moduleExpand(parentOf(m), m.call.name) : undefined);

  for (const m of modules) {
    const P = m.path;
    const exp = expandOf(m);
    const inModule = (id: string): void => { if (exp) g.depend(id, exp); };
    for (const [name, v] of m.config.variables) {
      const id = nodeId.variable(P, name);
      g.add({ id, data: { kind: 'variable', module: m, name }, range: v.range });
      inModule(id);
      const input = m.call?.inputs.get(name);
      if (input && m.parent) dependOnExprs(id, m.parent.path, [input.expr]);
      for (const c of v.validations) dependOnExprs(id, P, [c.condition, c.errorMessage].filter((e) => !(referencesOf(e).every((u) => u.ref.kind === 'var' && u.ref.name === name))));
    }
    for (const [name, attr] of m.config.locals) {
      const id = nodeId.local(P, name);
      g.add({ id, data: { kind: 'local', module: m, name, attr }, range: attr.range });
      inModule(id);
      dependOnExprs(id, P, [attr.expr]);
    }
    for (const [name, o] of m.config.outputs) {
      const id = nodeId.output(P, name);
      g.add({ id, data: { kind: 'output', module: m, name }, range: o.range });
      inModule(id);
      dependOnExprs(id, P, [o.value.expr, ...o.preconditions.flatMap((c) => [c.condition, c.errorMessage])]);
      for (const d of o.dependsOn) for (const t of dependsOnNodes(P, d, modules)) g.depend(id, t);
    }
    for (const p of m.config.providers) {
      const id = nodeId.provider(P, p.name, p.alias);
      g.add({ id, data: p.alias === undefined ? { kind: 'provider', module: m, name: p.name } : { kind: 'provider', module: m, name: p.name, alias: p.alias }, range: p.range });
      inModule(id);
      dependOnExprs(id, P, bodyExprs(p.body));
    }
    for (const r of m.config.resources) {
      const id = nodeId.resource(P, r.mode, r.type, r.name);
      g.add({ id, data: { kind: 'resource', module: m, resource: r }, range: r.range });
      inModule(id);
      dependOnExprs(id, P, [
        ...bodyExprs(r.body),
        ...(r.count ? [r.count.expr] : []),
        ...(r.forEach ? [r.forEach.expr] : []),
        ...r.lifecycle.replaceTriggeredBy.map((a) => a.expr),
        ...r.lifecycle.preconditions.flatMap((c) => [c.condition, c.errorMessage]),
        ...r.lifecycle.postconditions.flatMap((c) => [c.condition, c.errorMessage]),
      ]);
      for (const d of r.dependsOn) for (const t of dependsOnNodes(P, d, modules)) g.depend(id, t);
      const pc = resolveProviderConfig(m, providerLocalName(r), r.provider?.alias);
      if (pc) g.depend(id, nodeId.provider(pc.module.path, pc.name, pc.alias));
      // A module's depends_on applies to everything inside it.
      if (m.call && m.parent) for (const d of m.call.dependsOn) for (const t of dependsOnNodes(m.parent.path, d, modules)) g.depend(id, t);
    }
    for (const call of m.config.moduleCalls.values()) {
      const child = modules.find((c) => c.parent === m && c.call === call)!;
      const eid = nodeId.moduleExpand(P, call.name);
      g.add({ id: eid, data: { kind: 'module-expand', module: m, child }, range: call.range });
      inModule(eid);
      dependOnExprs(eid, P, [...(call.count ? [call.count.expr] : []), ...(call.forEach ? [call.forEach.expr] : [])]);
      const vid = nodeId.moduleValue(P, call.name);
      g.add({ id: vid, data: { kind: 'module-value', module: m, child }, range: call.range });
      g.depend(vid, eid);
      for (const o of call.module.outputs.keys()) g.depend(vid, nodeId.output(child.path, o));
    }
  }
  // Resources in state that no longer have configuration: only their destruction remains.
  for (const s of stateResourceAddrs) {
    if (g.has(nodeId.resource(s.configPath, s.mode, s.type, s.name))) continue;
    const id = nodeId.orphan(s.addr);
    if (!g.has(id)) g.add({ id, data: { kind: 'orphan', resourceAddr: s.addr } });
  }
  g.prune();
  for (const cycle of g.cycles()) {
    const labels = cycle.map(nodeLabel);
    const ranges = cycle.slice(0, -1).map((id) => g.get(id)?.range).filter((r): r is SourceRange => !!r);
    diagnostics.push(errorDiag('graph-cycle', `Cycle: ${labels.slice(0, -1).join(', ')}`, {
      detail: `These objects refer to each other in a loop: ${labels.join(' → ')}.\n${ranges.map((r) => `  ${nodeLabel(cycle[ranges.indexOf(r)] ?? '')} at ${r.file}:${r.start.line}:${r.start.column}`).join('\n')}\nBreak the loop by removing one of the references.`,
      ...(ranges[0] ? { range: ranges[0] } : {}),
    }));
  }
  return { graph: g, modules, diagnostics };
}
