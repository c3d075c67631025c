/**
 * Column views of a table for the binder: what `SELECT *` expands to, what INSERT writes, name
 * lookup including the hidden `$rowtime`, and which column carries the rowtime attribute.
 */
import type { CatalogColumn, CatalogTable } from './types.js';

/** `SELECT *`: every declared column except VIRTUAL metadata columns; never `$rowtime`. */
export function selectStarColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => !(c.kind === 'metadata' && c.virtual));
}

/** The columns an INSERT writes, in order: physical and persisted (non-VIRTUAL) metadata columns. */
export function sinkColumns(t: CatalogTable): CatalogColumn[] {
  return t.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
}

/** A column by exact (case-sensitive) name, including system columns such as `$rowtime`. */
export function findColumn(t: CatalogTable, name: string): CatalogColumn | undefined {
  return t.columns.find((c) => c.name === name) ?? t.systemColumns.find((c) => c.name === name);
}

/** The column that is the table's rowtime attribute (the watermark's column). */
export function rowtimeColumnName(t: CatalogTable): string {
  return t.watermark.column;
}
