/**
 * The binder's entry point: a parsed SELECT / INSERT / STATEMENT SET / CTAS (also under EXPLAIN)
 * → BoundStatement, or Confluent-worded diagnostics with source ranges. Never throws for user input.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { systemClock, systemIds } from '../../../shared/index.js';
import type { Clock, IdSource } from '../../../shared/index.js';
import type { Insert, Statement } from '../sql/index.js';
import type { EvalContext } from '../expr/index.js';
import type { BindOptions, BoundInsert, BoundStatement, LogicalRel, TableResolver } from './types.js';
import { bindQuery } from './bind-query.js';
import type { QueryContext } from './bind-query.js';
import { insertInto } from './bind-insert.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { tableSpecFromAst } from '../catalog/index.js';

/** Statement kinds the binder turns into queries; everything else is metadata/DDL work. */
export type QueryStatementKind = 'QueryStatement' | 'Insert' | 'StatementSet' | 'CreateTable';

/** True when a statement runs as a job (SELECT, INSERT, STATEMENT SET, CTAS). */
export function isQueryStatement(s: Statement): boolean {
  return s.kind === 'QueryStatement' || s.kind === 'Insert' || s.kind === 'StatementSet' || (s.kind === 'CreateTable' && s.asQuery !== undefined);
}

/** Evaluation context for a statement: its time zone plus the injected clock and ids. */
export function evalContextOf(opts: BindOptions, deps: { readonly clock?: Clock; readonly ids?: IdSource } = {}): EvalContext {
  return { timeZone: opts.timeZone ?? 'UTC', clock: deps.clock ?? systemClock, ids: deps.ids ?? systemIds };
}

/** Binds a job statement against the catalog. */
export function bindStatement(stmt: Statement, resolver: TableResolver, opts: BindOptions, deps: { readonly clock?: Clock; readonly ids?: IdSource } = {}): Outcome<BoundStatement> {
  const file = opts.file ?? 'statement';
  const cx: QueryContext = { resolver, options: opts, evalCtx: evalContextOf(opts, deps), ctes: new Map(), file };
  try {
    return { value: bind(stmt, cx), diagnostics: [] };
  } catch (e) {
    if (e instanceof BindError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

function bind(stmt: Statement, cx: QueryContext): BoundStatement {
  switch (stmt.kind) {
    case 'QueryStatement': return { kind: 'select', query: bindQuery(stmt.query, cx) };
    case 'Insert': return { kind: 'insert', inserts: [insert(stmt, cx)], statementSet: false };
    case 'StatementSet': return { kind: 'insert', inserts: stmt.inserts.map((i) => insert(i, cx)), statementSet: true };
    case 'CreateTable': {
      if (stmt.asQuery === undefined) throw new BindError(validationError(stmt.range, 'CREATE TABLE without AS SELECT is not a query', { file: cx.file }));
      const spec = tableSpecFromAst(stmt);
      if (spec.value === undefined) throw new BindError(first(spec.diagnostics, stmt.range, cx.file));
      return { kind: 'create-table-as', spec: spec.value, query: bindQuery(stmt.asQuery, cx) };
    }
    case 'Explain': return bind(stmt.statement, cx);
    default: throw new BindError(notSupportedYet(stmt.range, stmt.kind, cx.file));
  }
}

function insert(stmt: Insert, cx: QueryContext): BoundInsert {
  if (stmt.mode === 'OVERWRITE') throw new BindError(notSupportedYet(stmt.range, 'INSERT OVERWRITE', cx.file));
  const table = cx.resolver.resolveTable(stmt.target, cx.options.session);
  if (table.value === undefined) throw new BindError(first(table.diagnostics, stmt.range, cx.file));
  if (table.value.readOnly) {
    throw new BindError(validationError(stmt.range, `Table '${[table.value.catalog.name, table.value.database.name, table.value.name].join('.')}' is read-only`, { file: cx.file }));
  }
  const query: LogicalRel = bindQuery(stmt.query, cx);
  return insertInto(table.value, query, {
    ...(stmt.columns === undefined ? {} : { columns: stmt.columns }), range: stmt.range, file: cx.file, timeZone: cx.evalCtx.timeZone,
  });
}

function first(diags: readonly Diagnostic[], range: Insert['range'], file: string): Diagnostic {
  const d = diags[0];
  if (d === undefined) return validationError(range, 'invalid statement', { file });
  return d.range === undefined ? { ...d, range: { file, start: { line: range.start.line, column: range.start.column } } } : d;
}
