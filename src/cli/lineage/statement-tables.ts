/**
 * What one Flink SQL statement reads and writes. Sources are every table named in FROM, JOIN,
 * subqueries, CTE bodies, window-TVF `TABLE t` arguments, temporal joins and LATERAL calls (CTE
 * names themselves are not tables); sinks are INSERT targets (every member of a statement set),
 * CTAS targets and views. Names come back as written (1 to 3 parts); resolution is the caller's.
 */
import { parseStatement } from '../../cloud/flink/index.js';
import type { Query, Statement } from '../../cloud/flink/index.js';
import type { StatementTables } from './types.js';

type Name = readonly string[];

/** Reads the tables of `sql`; never throws, a statement that cannot be analysed carries a warning. */
export function statementTables(sql: string): StatementTables {
  const parsed = parseStatement(sql);
  const stmt = parsed.value;
  if (stmt === undefined) {
    const first = parsed.diagnostics[0];
    return { sources: [], sinks: [], creates: [], sqlKind: 'UNKNOWN', warning: `SQL does not parse: ${(first?.summary ?? 'syntax error').split('\n')[0] ?? ''}` };
  }
  return tablesOf(stmt);
}

function tablesOf(stmt: Statement): StatementTables {
  const sources: Name[] = [];
  const none = { sources: [], sinks: [], creates: [] };
  switch (stmt.kind) {
    case 'Insert':
      collectQuery(stmt.query, new Set(), sources);
      return { sources, sinks: [stmt.target], creates: [], sqlKind: 'INSERT' };
    case 'StatementSet':
      for (const ins of stmt.inserts) collectQuery(ins.query, new Set(), sources);
      return { sources, sinks: stmt.inserts.map((i) => i.target), creates: [], sqlKind: 'STATEMENT SET' };
    case 'CreateTable':
      if (stmt.asQuery === undefined) return { sources: [], sinks: [], creates: [stmt.name], sqlKind: 'CREATE TABLE' };
      collectQuery(stmt.asQuery, new Set(), sources);
      return { sources, sinks: [stmt.name], creates: [], sqlKind: 'CTAS' };
    case 'CreateView':
      collectQuery(stmt.query, new Set(), sources);
      return { sources, sinks: [stmt.name], creates: [], sqlKind: 'CREATE VIEW' };
    case 'QueryStatement':
      collectQuery(stmt.query, new Set(), sources);
      return { sources, sinks: [], creates: [], sqlKind: 'SELECT' };
    case 'Explain':
      return { ...tablesOf(stmt.statement), sinks: [], creates: [], sqlKind: 'EXPLAIN' };
    case 'Unsupported':
      return { ...none, sqlKind: stmt.what.toUpperCase(), warning: `not analysed: ${stmt.message}` };
    case 'AlterTable': return { ...none, sqlKind: 'ALTER TABLE' };
    case 'DropTable': return { ...none, sqlKind: 'DROP TABLE' };
    case 'DropView': return { ...none, sqlKind: 'DROP VIEW' };
    case 'Set': case 'Reset': case 'UseCatalog': case 'Use': case 'Show': case 'ShowCreate': case 'Describe':
      return { ...none, sqlKind: stmt.kind.toUpperCase() };
  }
}

/** Collects the tables a query reads; `ctes` are the WITH names visible here. */
function collectQuery(q: Query, outer: ReadonlySet<string>, out: Name[]): void {
  let scope = outer;
  for (const cte of q.with ?? []) {
    collectQuery(cte.query, scope, out);
    scope = new Set([...scope, cte.name]);
  }
  walk(q.body, scope, out);
  for (const o of q.orderBy ?? []) walk(o, scope, out);
}

/**
 * Walks any AST value looking for table references. The AST is plain kind-tagged data, so a
 * generic walk reaches subqueries in every expression position without listing each node kind.
 */
function walk(v: unknown, ctes: ReadonlySet<string>, out: Name[]): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, ctes, out);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const node = v as { readonly kind?: unknown; readonly [k: string]: unknown };
  if (node.kind === 'Query') { collectQuery(node as unknown as Query, ctes, out); return; }
  if (node.kind === 'TableName' || node.kind === 'TableArgument') {
    const name = node['table'] ?? node['name'];
    if (isName(name) && !(name.length === 1 && ctes.has(name[0] ?? ''))) out.push(name);
  }
  for (const [k, child] of Object.entries(node)) {
    if (k === 'range' || k === 'name' || k === 'table' || k === 'alias' || k === 'hints') continue;
    walk(child, ctes, out);
  }
}

function isName(v: unknown): v is Name {
  return Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string');
}
