/**
 * INSERT INTO: maps the query's columns onto the table's writable columns (physical columns, then
 * non-VIRTUAL metadata columns such as `timestamp` / `headers`; never `$rowtime` or computed
 * columns), with an optional column list (unlisted columns get NULL) and Flink's implicit casts.
 * Mismatches use Flink's "Column types of query result and sink … do not match" wording.
 */
import type { Outcome } from '../../../shared/index.js';
import type { Range } from '../sql/index.js';
import type { CatalogTable } from '../catalog/index.js';
import { quotedPath, sinkColumns } from '../catalog/index.js';
import { canImplicitCast, printType, SqlRuntimeError, withNullable } from '../types/index.js';
import type { BoundExpr, BoundField, BoundInsert, LogicalRel, ScanColumn } from './types.js';
import { coerce } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

/** The columns an INSERT writes, in declared order: physical and persisted (non-VIRTUAL) metadata columns. */
export function writableColumns(table: CatalogTable): ScanColumn[] {
  return sinkColumns(table).flatMap((c): ScanColumn[] => {
    if (c.kind === 'physical') return [{ kind: 'physical', name: c.name, type: c.type }];
    if (c.kind === 'metadata') return [{ kind: 'metadata', name: c.name, key: c.key ?? c.name, type: c.type }];
    return [];
  });
}

/** Binds `INSERT INTO table [(cols)] query` once the query is bound (CTAS: after the table exists). */
export function bindInsertInto(table: CatalogTable, query: LogicalRel, opts: InsertOptions): Outcome<BoundInsert> {
  try {
    return { value: insertInto(table, query, opts), diagnostics: [] };
  } catch (e) {
    if (e instanceof BindError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

/** Options of an INSERT binding. */
export interface InsertOptions { readonly columns?: readonly string[]; readonly range: Range; readonly file: string; readonly timeZone: string }

/** Like bindInsertInto, but throws BindError (inside the binder's recursion). */
export function insertInto(table: CatalogTable, query: LogicalRel, opts: InsertOptions): BoundInsert {
  const columns = writableColumns(table);
  const path = quotedPath([table.catalog.name, table.database.name, table.name]).replace(/`/g, '');
  const visible = query.fields.map((f, i) => ({ f, i })).filter((x) => x.f.hidden !== true);
  const targets = opts.columns ?? columns.map((c) => c.name);
  const fail = (cause: string): never => {
    throw new BindError(validationError(opts.range, `Column types of query result and sink for '${path}' do not match.\nCause: ${cause}\n\n`
      + `Query schema: [${visible.map((x) => `${x.f.name}: ${printType(x.f.type)}`).join(', ')}]\n`
      + `Sink schema:  [${columns.map((c) => `${c.name}: ${printType(c.type)}`).join(', ')}]`, { file: opts.file, code: 'sql-sink-schema-mismatch' }));
  };
  for (const name of targets) {
    if (!columns.some((c) => c.name === name)) {
      const known = table.columns.some((c) => c.name === name) || name === '$rowtime';
      throw new BindError(validationError(opts.range, known ? `Column '${name}' of table '${path}' cannot be written` : `Unknown target column '${name}'`, { file: opts.file }));
    }
  }
  if (visible.length !== targets.length) fail('Different number of columns.');
  const project: BoundExpr[] = columns.map((c, pos) => {
    const k = targets.indexOf(c.name);
    if (k < 0) {
      if (!c.type.nullable) throw new BindError(validationError(opts.range, `Column '${c.name}' has no default value and does not allow NULLs`, { file: opts.file }));
      return { kind: 'literal', value: null, type: withNullable(c.type, true) };
    }
    const src = visible[k] as { f: BoundField; i: number };
    if (src.f.type.kind !== 'NULL' && !canImplicitCast(withNullable(src.f.type, true), withNullable(c.type, true))) fail(`Incompatible types for sink column '${c.name}' at position ${pos}.`);
    const value = coerce({ kind: 'input', index: src.i, type: src.f.type }, withNullable(c.type, src.f.type.nullable), opts.timeZone);
    return !c.type.nullable && value.type.nullable ? notNullEnforcer(value, c.name) : value;
  });
  const fields: BoundField[] = columns.map((c, i) => ({ name: c.name, type: (project[i] as BoundExpr).type }));
  return { table, columns, query: { kind: 'calc', input: query, project, fields } };
}

/**
 * Flink's sink NOT NULL enforcer (default `table.exec.sink.not-null-enforcer` = ERROR): a nullable
 * query column may feed a NOT NULL sink column, and a NULL arriving at run time fails the statement.
 */
function notNullEnforcer(value: BoundExpr, column: string): BoundExpr {
  const type = withNullable(value.type, false);
  const message = `Column '${column}' is NOT NULL, however, a null value is being written into it. `
    + "You can set job configuration 'table.exec.sink.not-null-enforcer'='DROP' to suppress this exception and drop such records silently.";
  const fn = (v: unknown): unknown => {
    if (v === null) throw new SqlRuntimeError('invalid-argument', message);
    return v;
  };
  return { kind: 'call', fn: { name: 'NOT_NULL_ENFORCER', type, fn, deterministic: true }, args: [value], type };
}
