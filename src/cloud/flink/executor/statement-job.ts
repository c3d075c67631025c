/**
 * One statement's text → what to run: a metadata result (DDL, SHOW, DESCRIBE, EXPLAIN) or a
 * planned job with its `status.traits` (§7.1). CTAS creates its table first, only on the first
 * launch: a resumed or restarted CTAS finds the table it created and continues inserting.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { Clock, IdSource } from '../../../shared/index.js';
import { parseStatement } from '../sql/index.js';
import type { Statement } from '../sql/index.js';
import { alterActionsFromAst, tableSpecFromAst } from '../catalog/index.js';
import type { FlinkCatalog, SessionPath } from '../catalog/index.js';
import { bindInsertInto, bindStatement, isQueryStatement } from '../binder/index.js';
import type { BindOptions } from '../binder/index.js';
import { deriveSchema, planInserts, planStatement } from '../planner/index.js';
import type { PhysicalPlan } from '../planner/index.js';
import type { StatementTraits } from '../statements/index.js';
import { isValidTimeZone, stringType, toDataTypeJson, withoutTimeAttribute } from '../types/index.js';
import { runMetadataStatement } from './metadata-statements.js';
import type { MetadataResult } from './metadata-statements.js';
import { sessionOf } from './session-properties.js';

/** What a statement turned out to be. */
export type PreparedStatement =
  | { readonly kind: 'metadata'; readonly result: MetadataResult; readonly traits: StatementTraits }
  | { readonly kind: 'job'; readonly plan: PhysicalPlan; readonly traits: StatementTraits; readonly timeZone: string };

/** Parses, binds and plans a statement (running DDL on the catalog). */
export function prepareStatement(text: string, properties: Readonly<Record<string, string>>, catalog: FlinkCatalog, opts: { readonly firstLaunch: boolean; readonly clock: Clock; readonly ids: IdSource }): Outcome<PreparedStatement> {
  const parsed = parseStatement(text);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  const stmt = parsed.value;
  const { session, timeZone } = sessionOf(properties);
  if (!isValidTimeZone(timeZone)) {
    return { diagnostics: [errorDiag('flink-invalid-time-zone', `Invalid value for property 'sql.local-time-zone': '${timeZone}'. Use a time zone id such as 'Europe/Berlin' or an offset such as 'GMT+02:00'.`)] };
  }
  const bindOpts: BindOptions = { session, timeZone };
  const dryRun = properties['sql.dry-run'] === 'true';
  if (dryRun && (stmt.kind === 'CreateTable' || stmt.kind === 'AlterTable' || stmt.kind === 'DropTable')) {
    const checked = validateDdl(stmt, catalog, session);
    if (checked !== undefined) return { diagnostics: [checked] };
    return { value: { kind: 'metadata', result: { sqlKind: ddlKind(stmt), detail: DRY_RUN_DETAIL }, traits: { sqlKind: ddlKind(stmt), isBounded: true, isAppendOnly: true, columns: [] } }, diagnostics: [] };
  }
  if (!isQueryStatement(stmt)) {
    const r = runMetadataStatement(stmt, catalog, { ...bindOpts, properties });
    if (r.value === undefined) return { diagnostics: r.diagnostics };
    const columns = (r.value.result?.columns ?? []).map((name) => ({ name, type: { ...toDataTypeJson(stringType({ nullable: false })) } }));
    return { value: { kind: 'metadata', result: r.value, traits: { sqlKind: r.value.sqlKind, isBounded: true, isAppendOnly: true, columns } }, diagnostics: [] };
  }
  const bound = bindStatement(stmt, catalog, bindOpts, { clock: opts.clock, ids: opts.ids });
  if (bound.value === undefined) return { diagnostics: bound.diagnostics };
  const b = bound.value;
  let plan: Outcome<PhysicalPlan>;
  if (dryRun) {
    // Validate only: bind and plan (CTAS: derive the schema), run nothing, create nothing.
    const checked = b.kind === 'create-table-as' ? deriveSchema(b.query, { properties }) : planStatement(b, { properties });
    if (checked.value === undefined) return { diagnostics: checked.diagnostics };
    const kind = b.kind === 'select' ? 'SELECT' : b.kind === 'create-table-as' ? 'CREATE_TABLE_AS' : b.statementSet ? 'EXECUTE_STATEMENT_SET' : 'INSERT_INTO';
    return { value: { kind: 'metadata', result: { sqlKind: kind, detail: DRY_RUN_DETAIL }, traits: { sqlKind: kind, isBounded: true, isAppendOnly: true, columns: [] } }, diagnostics: [] };
  }
  if (b.kind === 'create-table-as') {
    const existing = opts.firstLaunch ? undefined : catalog.resolveTable(b.spec.path, session).value;
    let table = existing;
    if (table === undefined) {
      const derived = deriveSchema(b.query, { properties });
      if (derived.value === undefined) return { diagnostics: derived.diagnostics };
      const created = catalog.createTableAs(b.spec, derived.value, session);
      if (created.value === undefined) return { diagnostics: created.diagnostics };
      table = created.value.table;
    }
    const ins = bindInsertInto(table, b.query, { range: stmt.range, file: 'statement', timeZone });
    if (ins.value === undefined) return { diagnostics: ins.diagnostics };
    plan = planInserts([ins.value], 'CREATE_TABLE_AS', { properties });
  } else {
    plan = planStatement(b, { properties });
  }
  if (plan.value === undefined) return { diagnostics: plan.diagnostics };
  const p = plan.value;
  const traits: StatementTraits = {
    sqlKind: p.sqlKind, isBounded: p.bounded, isAppendOnly: p.appendOnly,
    ...(p.upsertColumns === undefined ? {} : { upsertColumns: p.upsertColumns }),
    columns: p.schema.map((f) => ({ name: f.name, type: { ...toDataTypeJson(withoutTimeAttribute(f.type)) } })),
  };
  return { value: { kind: 'job', plan: p, traits, timeZone }, diagnostics: [] };
}

/** `status.detail` of a statement validated with `sql.dry-run` (Confluent's exact text is unconfirmed). */
const DRY_RUN_DETAIL = 'SQL statement is valid (dry run).';

function ddlKind(stmt: Statement): string {
  return stmt.kind === 'CreateTable' ? 'CREATE_TABLE' : stmt.kind === 'AlterTable' ? 'ALTER_TABLE' : 'DROP_TABLE';
}

/** Dry-run checks of DDL: the AST converts, and the table exists (or not) as the statement needs. */
function validateDdl(stmt: Statement, catalog: FlinkCatalog, session: SessionPath): Diagnostic | undefined {
  if (stmt.kind === 'CreateTable') {
    const spec = tableSpecFromAst(stmt);
    if (spec.value === undefined) return spec.diagnostics[0];
    const exists = catalog.resolveTable(stmt.name, session).value !== undefined;
    const name = stmt.name[stmt.name.length - 1] ?? '';
    return exists && !stmt.ifNotExists ? errorDiag('flink-table-exists', `Table (or view) ${name} already exists.`) : undefined;
  }
  if (stmt.kind === 'AlterTable') {
    const actions = alterActionsFromAst(stmt.action);
    if (actions.value === undefined) return actions.diagnostics[0];
  }
  if (stmt.kind === 'AlterTable' || (stmt.kind === 'DropTable' && !stmt.ifExists)) {
    const t = catalog.resolveTable(stmt.name, session);
    if (t.value === undefined) return t.diagnostics[0];
  }
  return undefined;
}
