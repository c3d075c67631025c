/**
 * Facts → lineage graph. Table names in SQL resolve against the statement's catalog and database
 * (`t` → catalog.database.t, `db.t` → catalog.db.t); every resolved table is a topic node, since
 * a Confluent Cloud table is a topic. `examples.marketplace.*` are sample sources outside any
 * cluster. Nodes and edges are sorted so every output is stable.
 */
import { statementTables } from './statement-tables.js';
import type { LineageEdge, LineageFacts, LineageGraph, LineageNode, StatementTables } from './types.js';

/** Builds the graph; `tablesOf` is injectable for tests of the builder alone. */
export function buildLineageGraph(facts: LineageFacts, opts: { readonly tablesOf?: (sql: string) => StatementTables } = {}): LineageGraph {
  const tablesOf = opts.tablesOf ?? statementTables;
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const warnings = [...facts.warnings];
  const declared = new Set<string>();

  const topic = (catalog: string, database: string, name: string, extra: Partial<LineageNode> = {}): string => {
    const id = `topic:${catalog}.${database}.${name}`;
    const prior = nodes.get(id);
    const external = catalog === 'examples' && database === 'marketplace';
    nodes.set(id, {
      id, kind: 'topic', label: name, catalog, database,
      ...(external ? { external: true } : {}),
      ...prior, ...extra,
    });
    return id;
  };
  const edge = (from: string, to: string): void => { edges.set(`${from}\u0000${to}`, { from, to }); };

  for (const t of facts.topics) {
    declared.add(topic(t.catalog, t.database, t.name, t.address === undefined ? {} : { address: t.address }));
  }
  for (const c of facts.connectors) {
    const id = `connector:${c.name}`;
    nodes.set(id, {
      id, kind: 'connector', label: c.name, catalog: c.catalog, database: c.database, detail: c.className,
      ...(c.state === undefined ? {} : { phase: c.state }), ...(c.address === undefined ? {} : { address: c.address }),
    });
    for (const name of c.topics) {
      const t = topic(c.catalog, c.database, name);
      if (c.direction === 'source') edge(id, t); else edge(t, id);
    }
  }
  for (const s of facts.statements) {
    const tables = tablesOf(s.sql);
    const resolve = (name: readonly string[]): string => {
      const [cat, db, table] = qualify(name, s.catalog, s.database);
      return topic(cat, db, table);
    };
    for (const created of tables.creates) declared.add(resolve(created));
    if (tables.sqlKind === 'CTAS') for (const sink of tables.sinks) declared.add(resolve(sink));
    // Pure DDL and session statements move no data: their tables are drawn, the statement is not.
    const flows = tables.sources.length + tables.sinks.length > 0 || tables.warning !== undefined;
    if (!flows) continue;
    const id = `statement:${s.name}`;
    nodes.set(id, {
      id, kind: 'statement', label: s.name, detail: tables.sqlKind,
      ...(s.phase === undefined ? {} : { phase: s.phase }),
      ...(tables.warning === undefined ? {} : { warning: tables.warning }),
      ...(s.address === undefined ? {} : { address: s.address }),
    });
    if (tables.warning !== undefined) warnings.push(`statement ${s.name}: ${tables.warning}`);
    for (const src of tables.sources) edge(resolve(src), id);
    for (const sink of tables.sinks) edge(id, resolve(sink));
  }
  // In config mode a topic nobody declared is worth flagging: it will not exist unless something creates it.
  if (facts.source === 'config') {
    for (const [id, n] of nodes) {
      if (n.kind === 'topic' && !declared.has(id) && n.external !== true) nodes.set(id, { ...n, undeclared: true });
    }
  }
  const sortedNodes = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedEdges = [...edges.values()].sort((a, b) => (a.from === b.from ? cmp(a.to, b.to) : cmp(a.from, b.from)));
  return { source: facts.source, nodes: sortedNodes, edges: sortedEdges, warnings };
}

/** A 1-, 2- or 3-part name as [catalog, database, table]. */
export function qualify(name: readonly string[], catalog: string, database: string): [string, string, string] {
  const n = name.length;
  const table = name[n - 1] ?? '';
  if (n >= 3) return [name[n - 3] ?? catalog, name[n - 2] ?? database, table];
  if (n === 2) return [catalog, name[0] ?? database, table];
  return [catalog, database, table];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
