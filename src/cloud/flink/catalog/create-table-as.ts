/**
 * CREATE TABLE … AS SELECT (reference §2.1, §2.4): merges the declared part of the statement with
 * the schema the query produces. Declared-only columns come first, then the query's columns; a
 * column named in both keeps the query's position and takes the declared type. The changelog mode
 * follows the query: insert-only → append; updating with a key → upsert; otherwise retract (the
 * last rule is our derivation; Confluent's is unconfirmed).
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { ColumnSpec, DerivedSchema, TableSpec } from './types.js';

/** The CREATE TABLE spec a CTAS amounts to. */
export function tableSpecFromQuery(spec: TableSpec, derived: DerivedSchema): Outcome<TableSpec> {
  const queryNames = new Set(derived.columns.map((c) => c.name));
  const declared = new Map(spec.columns.map((c) => [c.name, c]));
  const diags: Diagnostic[] = [];
  for (const c of spec.columns) {
    if (queryNames.has(c.name) && c.kind !== 'physical') {
      diags.push(errorDiag('flink-ctas-column', `The column \`${c.name}\` is produced by the query and cannot be declared as a ${c.kind} column.`));
    }
  }
  const declaredPk = spec.primaryKey?.columns;
  for (const k of declaredPk ?? []) {
    if (!queryNames.has(k)) diags.push(errorDiag('flink-invalid-primary-key', `The primary key column \`${k}\` must be produced by the query.`));
  }
  if (diags.length > 0) return { diagnostics: diags };
  const leading = spec.columns.filter((c) => !queryNames.has(c.name));
  const fromQuery = derived.columns.map((c): ColumnSpec => {
    const d = declared.get(c.name);
    return d !== undefined && d.kind === 'physical' ? d : { kind: 'physical', name: c.name, type: c.type };
  });
  const options: Record<string, string> = { ...(spec.options ?? {}) };
  const pk = declaredPk ?? (derived.changelogMode !== 'append' ? derived.primaryKey : undefined);
  if (options['changelog.mode'] === undefined) {
    options['changelog.mode'] = derived.changelogMode === 'append' ? 'append' : pk !== undefined && pk.length > 0 ? 'upsert' : 'retract';
  }
  const primaryKey = spec.primaryKey ?? (pk !== undefined && pk.length > 0 ? { columns: pk } : undefined);
  const { primaryKey: _p, ...rest } = spec;
  return {
    value: { ...rest, columns: [...leading, ...fromQuery], options, ...(primaryKey === undefined ? {} : { primaryKey }) },
    diagnostics: [],
  };
}
