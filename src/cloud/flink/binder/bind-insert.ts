/**
 * INSERT INTO: maps the query's columns onto the table's writable columns (physical columns, then
 * non-VIRTUAL metadata columns such as `timestamp` / `headers`; never `$rowtime` or computed
 * columns), with an optional column list (unlisted columns get NULL) and Flink's implicit casts.
 * Mismatches use Flink's "Column types of query result and sink … do not match" wording.
 */
import type { Outcome } from '../../../shared/index.js';
import type { Range } from '../sql/index.js';
import type { CatalogTable } from '../catalog/index.js';
import { quotedPath } from '../catalog/index.js';
import { canImplicitCast, printType, withNullable } from '../types/index.js';
import type { BoundExpr, BoundField, BoundInsert, LogicalRel, ScanColumn } from './types.js';
import { coerce } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

/** The columns an INSERT writes, in sink row order. */
export function writableColumns(table: CatalogTable): ScanColumn[] {
  const physical: ScanColumn[] = [];
  const metadata: ScanColumn[] = [];
  for (const c of table.columns) {
    if (c.kind === 'physical') physical.push({ kind: 'physical', name: c.name, type: c.type });
    else if (c.kind === 'metadata' && !c.virtual) metadata.push({ kind: 'metadata', name: c.name, key: c.key ?? c.name, type: c.type });
  }
  return [...physical, ...metadata];
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
    if (src.f.type.kind !== 'NULL' && !canImplicitCast(src.f.type, c.type)) fail(`Incompatible types for sink column '${c.name}' at position ${pos}.`);
    return coerce({ kind: 'input', index: src.i, type: src.f.type }, c.type, opts.timeZone);
  });
  const fields: BoundField[] = columns.map((c, i) => ({ name: c.name, type: (project[i] as BoundExpr).type }));
  return { table, columns, query: { kind: 'calc', input: query, project, fields } };
}
