/**
 * Plan-time validation of a batch of statements: each is parsed, then bound and planned against
 * the real catalog overlaid with what the plan will create — the request's overlay topics, and the
 * tables of earlier CREATE TABLE / CTAS statements of the same request (in request order, created
 * in a scratch catalog only). Errors keep Confluent's wording and the position inside the SQL.
 */
import type { Clock, Diagnostic, IdSource, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import { parseStatement } from '../sql/index.js';
import type { Statement } from '../sql/index.js';
import { tableSpecFromAst } from '../catalog/index.js';
import type { CatalogTable, SessionPath } from '../catalog/index.js';
import { bindCreateView, bindInsertInto, bindStatement, isQueryStatement } from '../binder/index.js';
import type { BindOptions } from '../binder/index.js';
import { deriveSchema, planInserts, planStatement, statefulReasons } from '../planner/index.js';
import type { PhysicalPlan } from '../planner/index.js';
import { isValidTimeZone } from '../types/index.js';
import { ScratchCatalog } from './validate-scratch-catalog.js';
import type { OverlayTable, ValidationCloud } from './validate-scratch-catalog.js';

/** One statement to validate, as it would be submitted. */
export interface ValidationInput {
  readonly name: string;
  readonly statement: string;
  readonly properties: { readonly [key: string]: string };
}

/** One problem of a statement; positions are 1-based, inside the statement text, end inclusive. */
export interface ValidationProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** The verdict on one statement; `unchecked` says why it could not be fully validated. */
export interface StatementValidation {
  readonly name: string;
  readonly ok: boolean;
  readonly errors: readonly ValidationProblem[];
  readonly unchecked?: string;
  /** For a job statement that planned: why it keeps state (empty: stateless, carry-over is safe). */
  readonly stateful?: readonly string[];
}

const UNCHECKED = 'The statement reads or writes a table whose schema is not known before apply; only its syntax was checked.';
const NOT_SUPPORTED_YET = 'sql-not-supported-yet';

function notSupportedReason(d: Diagnostic): string {
  const m = /not supported yet: (.*)$/s.exec(d.summary);
  return `The local cloud does not support ${m?.[1] ?? 'a construct of this statement'} yet`;
}

/** A validation request: statements in order, plus topics the plan will create. */
export interface ValidationRequest {
  readonly statements: readonly ValidationInput[];
  readonly overlay: { readonly tables: readonly OverlayTable[] };
}

/** The session (current catalog/database, time zone) of `spec.properties`, deprecated aliases included. */
export function sessionOfProperties(properties: { readonly [key: string]: string }): { readonly session: SessionPath; readonly timeZone: string } {
  const catalog = properties['sql.current-catalog'] ?? properties['catalog'];
  const database = properties['sql.current-database'] ?? properties['default_database'] ?? properties['database'];
  const session: SessionPath = { ...(catalog === undefined ? {} : { catalog }), ...(database === undefined ? {} : { database }) };
  return { session, timeZone: properties['sql.local-time-zone'] ?? 'UTC' };
}

/** Validates every statement of the request in order; never touches the real cloud's data. */
export function validateStatements(req: ValidationRequest, cloud: ValidationCloud, deps: { readonly clock: Clock; readonly ids: IdSource }): StatementValidation[] {
  const scratch = new ScratchCatalog(cloud);
  try {
    scratch.prepare(req.statements.map((s) => sessionOfProperties(s.properties).session), req.overlay.tables);
    return req.statements.map((s) => {
      scratch.beginStatement();
      const planned: { plan?: PhysicalPlan } = {};
      const found = validateOne(s, scratch, deps, planned).filter((d) => d.severity === 'error');
      // A table the plan creates without a schema (its subject is registered at apply, e.g. by a
      // connector) has unknown columns: only syntax errors are certain then.
      const unsure = scratch.touchedOpaque() && !found.some((d) => d.code === 'sql-parse');
      // A construct the local cloud does not run yet is no proof the SQL is wrong (Confluent may accept it).
      const gap = found.find((d) => d.code === NOT_SUPPORTED_YET);
      const errors = unsure || gap !== undefined ? [] : found.map(toProblem);
      const unchecked = gap !== undefined ? `${notSupportedReason(gap)}; the statement was not fully checked.` : unsure && found.length > 0 ? UNCHECKED : undefined;
      const stateful = planned.plan === undefined || found.length > 0 ? undefined : statefulReasons(planned.plan);
      return { name: s.name, ok: errors.length === 0, errors, ...(unchecked === undefined ? {} : { unchecked }), ...(stateful === undefined ? {} : { stateful }) };
    });
  } finally {
    scratch.close();
  }
}

function toProblem(d: Diagnostic): ValidationProblem {
  const message = d.detail === undefined ? d.summary : `${d.summary}\n${d.detail}`;
  const r = d.range;
  if (r === undefined) return { message };
  const end = r.end ?? r.start;
  return { message, line: r.start.line, column: r.start.column, endLine: end.line, endColumn: end.column };
}

function validateOne(input: ValidationInput, scratch: ScratchCatalog, deps: { readonly clock: Clock; readonly ids: IdSource }, planned: { plan?: PhysicalPlan }): readonly Diagnostic[] {
  const parsed = parseStatement(input.statement);
  if (parsed.value === undefined) return parsed.diagnostics;
  const stmt = parsed.value;
  const { session, timeZone } = sessionOfProperties(input.properties);
  if (!isValidTimeZone(timeZone)) {
    return [errorDiag('flink-invalid-time-zone', `Invalid value for property 'sql.local-time-zone': '${timeZone}'. Use a time zone id such as 'Europe/Berlin' or an offset such as 'GMT+02:00'.`)];
  }
  const opts: BindOptions = { session, timeZone };
  if (stmt.kind === 'CreateTable' && stmt.asQuery === undefined) return createTable(stmt, scratch, session);
  if (isQueryStatement(stmt)) return validateQuery(stmt, scratch, opts, input.properties, deps, planned);
  if (stmt.kind === 'CreateView') {
    // Bound like a query; kept in the overlay so later statements of the plan can read the view.
    const spec = bindCreateView(stmt, scratch, opts, deps);
    if (spec.value === undefined) return spec.diagnostics;
    return scratch.scratch.createView(spec.value, session, { orReplace: true, ifNotExists: false }).diagnostics;
  }
  if ((stmt.kind === 'AlterTable' || stmt.kind === 'DropTable') && !stmt.ifExists) {
    return scratch.resolveTable(stmt.name, session).diagnostics;
  }
  return [];
}

function alreadyExists(name: readonly string[]): Diagnostic {
  return errorDiag('flink-table-exists', `Table (or view) ${name[name.length - 1] ?? ''} already exists.`);
}

function createTable(stmt: Statement & { kind: 'CreateTable' }, scratch: ScratchCatalog, session: SessionPath): readonly Diagnostic[] {
  const spec = tableSpecFromAst(stmt);
  if (spec.value === undefined) return spec.diagnostics;
  if (scratch.existsInCloud(stmt.name, session)) return stmt.ifNotExists ? [] : [alreadyExists(stmt.name)];
  return scratch.scratch.createTable(spec.value, session).diagnostics;
}

function validateQuery(stmt: Statement, scratch: ScratchCatalog, opts: BindOptions, properties: { readonly [key: string]: string }, deps: { readonly clock: Clock; readonly ids: IdSource }, planned: { plan?: PhysicalPlan }): readonly Diagnostic[] {
  const bound = bindStatement(stmt, scratch, opts, deps);
  if (bound.value === undefined) {
    if (stmt.kind === 'CreateTable' && scratch.touchedOpaque()) scratch.markOpaque(stmt.name[stmt.name.length - 1] ?? '');
    return bound.diagnostics;
  }
  const b = bound.value;
  if (b.kind !== 'create-table-as') return keep(planStatement(b, { properties }), planned);
  if (scratch.touchedOpaque()) scratch.markOpaque(b.spec.path[b.spec.path.length - 1] ?? '');
  const ifNotExists = stmt.kind === 'CreateTable' && stmt.ifNotExists;
  let table: CatalogTable;
  if (scratch.existsInCloud(b.spec.path, opts.session)) {
    if (!ifNotExists) return [alreadyExists(b.spec.path)];
    const real = scratch.resolveTable(b.spec.path, opts.session);
    if (real.value === undefined) return real.diagnostics;
    table = real.value;
  } else {
    const derived = deriveSchema(b.query, { properties });
    if (derived.value === undefined) return derived.diagnostics;
    const created = scratch.scratch.createTableAs(b.spec, derived.value, opts.session);
    if (created.value === undefined) return created.diagnostics;
    table = created.value.table;
  }
  const ins = bindInsertInto(table, b.query, { range: stmt.range, file: 'statement', timeZone: opts.timeZone ?? 'UTC' });
  if (ins.value === undefined) return ins.diagnostics;
  return keep(planInserts([ins.value], 'CREATE_TABLE_AS', { properties }), planned);
}

function keep(o: Outcome<PhysicalPlan>, planned: { plan?: PhysicalPlan }): readonly Diagnostic[] {
  if (o.value !== undefined) planned.plan = o.value;
  return o.diagnostics;
}
