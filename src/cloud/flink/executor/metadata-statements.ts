/**
 * Statements that do not run as jobs: CREATE / ALTER / DROP TABLE and VIEW through the catalog, SHOW,
 * DESCRIBE, EXPLAIN, USE and SET. Each completes at once with Confluent's `status.detail` and, for
 * SHOW / DESCRIBE / EXPLAIN, a result set of string columns.
 */
import type { Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { Statement } from '../sql/index.js';
import type { FlinkCatalog, ResultTable, SessionPath } from '../catalog/index.js';
import { bindStatement, withTypedComputedColumns } from '../binder/index.js';
import { alterActionsFromAst, tableSpecFromAst } from '../catalog/index.js';
import type { BindOptions } from '../binder/index.js';
import { explainPlan, planStatement } from '../planner/index.js';
import { scalarFunctions } from '../expr/index.js';
import { runCreateView, runDropView } from './view-statements.js';

/** What a metadata statement produced. */
export interface MetadataResult {
  readonly sqlKind: string;
  readonly detail: string;
  readonly result?: ResultTable;
}

/** Runs a non-job statement. */
export function runMetadataStatement(stmt: Statement, catalog: FlinkCatalog, opts: BindOptions & { readonly properties: Readonly<Record<string, string>> }): Outcome<MetadataResult> {
  const session: SessionPath = opts.session;
  const table = (kind: string, r: Outcome<ResultTable>, detail = 'SQL statement is completed'): Outcome<MetadataResult> =>
    (r.value === undefined ? { diagnostics: r.diagnostics } : { value: { sqlKind: kind, detail, result: r.value }, diagnostics: [] });
  switch (stmt.kind) {
    case 'CreateTable': {
      const spec = tableSpecFromAst(stmt);
      if (spec.value === undefined) return { diagnostics: spec.diagnostics };
      const r = catalog.createTable(spec.value, session);
      if (r.value === undefined) return { diagnostics: r.diagnostics };
      return ok('CREATE_TABLE', r.value.created ? `Table '${r.value.table.name}' created` : `Table '${r.value.table.name}' already exists`);
    }
    case 'DropTable': {
      const r = catalog.dropTable(stmt.name, session, { ifExists: stmt.ifExists });
      if (r.value === undefined) return { diagnostics: r.diagnostics };
      return ok('DROP_TABLE', r.value.dropped ? `Table '${last(stmt.name)}' dropped` : `Table '${last(stmt.name)}' does not exist`);
    }
    case 'AlterTable': {
      const actions = alterActionsFromAst(stmt.action);
      if (actions.value === undefined) return { diagnostics: actions.diagnostics };
      const r = catalog.alterTable(stmt.name, session, actions.value);
      if (r.value === undefined) return { diagnostics: r.diagnostics };
      return ok('ALTER_TABLE', `Table '${r.value.name}' altered`);
    }
    case 'Show':
      switch (stmt.what) {
        case 'CATALOGS': return table('SHOW_CATALOGS', { value: catalog.showCatalogs(), diagnostics: [] });
        case 'DATABASES': return table('SHOW_DATABASES', catalog.showDatabases(session));
        case 'CURRENT CATALOG': return table('SHOW_CURRENT_CATALOG', { value: catalog.showCurrentCatalog(session), diagnostics: [] });
        case 'CURRENT DATABASE': return table('SHOW_CURRENT_DATABASE', { value: catalog.showCurrentDatabase(session), diagnostics: [] });
        case 'TABLES': return table('SHOW_TABLES', catalog.showTables(session, {
          ...(stmt.from === undefined ? {} : { from: stmt.from.name }), ...(stmt.like === undefined ? {} : { like: stmt.like }),
        }));
        case 'VIEWS': return table('SHOW_VIEWS', catalog.showViews(session, {
          ...(stmt.from === undefined ? {} : { from: stmt.from.name }), ...(stmt.like === undefined ? {} : { like: stmt.like }),
        }));
        case 'FUNCTIONS': case 'USER FUNCTIONS': {
          const names = stmt.what === 'USER FUNCTIONS' ? [] : [...scalarFunctions.keys()].sort();
          return table('SHOW_FUNCTIONS', { value: { columns: ['function name'], rows: names.map((n) => [n]) }, diagnostics: [] });
        }
        default: return notYet(`SHOW ${stmt.what}`);
      }
    case 'ShowCreate':
      if (stmt.object === 'VIEW') return table('SHOW_CREATE_VIEW', catalog.showCreateView(stmt.name, session));
      if (stmt.object !== 'TABLE') return notYet(`SHOW CREATE ${stmt.object}`);
      return table('SHOW_CREATE_TABLE', catalog.showCreateTable(stmt.name, session));
    case 'Describe': return table('DESCRIBE', catalog.describe(stmt.name, session, { extended: stmt.extended, typed: (t) => withTypedComputedColumns(t, opts) }));
    case 'Explain': {
      const bound = bindStatement(stmt.statement, catalog, opts);
      if (bound.value === undefined) return { diagnostics: bound.diagnostics };
      const plan = planStatement(bound.value, { properties: opts.properties, ...(opts.file === undefined ? {} : { file: opts.file }) });
      if (plan.value === undefined) return { diagnostics: plan.diagnostics };
      return table('EXPLAIN', { value: { columns: ['plan'], rows: [[explainPlan(plan.value)]] }, diagnostics: [] });
    }
    case 'UseCatalog': {
      const r = catalog.useCatalog(stmt.catalog);
      return r.value === undefined ? { diagnostics: r.diagnostics } : ok('USE_CATALOG', 'configuration updated successfully');
    }
    case 'Use': {
      const r = catalog.useDatabase(stmt.name, session);
      return r.value === undefined ? { diagnostics: r.diagnostics } : ok('USE', 'configuration updated successfully');
    }
    case 'Set': case 'Reset': return ok(stmt.kind === 'Set' ? 'SET' : 'RESET', 'configuration updated successfully');
    case 'CreateView': return runCreateView(stmt, catalog, opts);
    case 'DropView': return runDropView(stmt, catalog, session);
    case 'Unsupported': return { diagnostics: [errorDiag(stmt.support === 'not-supported' ? 'flink-not-supported' : 'sql-not-supported-yet', stmt.message)] };
    case 'QueryStatement': case 'Insert': case 'StatementSet': return notYet(stmt.kind);
  }
}

function ok(sqlKind: string, detail: string): Outcome<MetadataResult> {
  return { value: { sqlKind, detail }, diagnostics: [] };
}

function notYet(what: string): Outcome<MetadataResult> {
  return { diagnostics: [errorDiag('sql-not-supported-yet', `not supported yet: ${what}`)] };
}

function last(name: readonly string[]): string {
  return name[name.length - 1] ?? '';
}
