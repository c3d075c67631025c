/**
 * Processing time. `PROCTIME()` is a scalar function (flink/expr) whose type carries the
 * `*PROCTIME*` marker; its value is read from the statement's injected clock where it is
 * evaluated — in the calc over a scan for a computed column `p AS PROCTIME()`, so a row's
 * processing time is the time it was read. This file holds the binder-side helpers: typing a
 * table's computed columns for DESCRIBE, and the checks shared by the proctime forms.
 */
import type { CatalogColumn, CatalogTable } from '../catalog/index.js';
import { isProctimeAttribute } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import { systemClock, systemIds } from '../../../shared/index.js';
import { scanTable } from './bind-table.js';
import type { BindOptions } from './types.js';

/**
 * The table with its computed columns typed by binding their expressions (DESCRIBE shows
 * `TIMESTAMP_LTZ(3) *PROCTIME*` for `AS PROCTIME()`); a column whose expression does not bind
 * stays untyped.
 */
export function withTypedComputedColumns(table: CatalogTable, opts: BindOptions): CatalogTable {
  if (table.columns.every((c) => c.kind !== 'computed' || c.type !== undefined)) return table;
  let fields: readonly { readonly name: string; readonly type: LogicalType }[];
  try {
    fields = scanTable(table, [], { file: opts.file ?? 'statement', evalCtx: { timeZone: opts.timeZone ?? 'UTC', clock: systemClock, ids: systemIds }, session: opts.session }).fields;
  } catch {
    return table;
  }
  const columns = table.columns.map((c): CatalogColumn => {
    if (c.kind !== 'computed' || c.type !== undefined) return c;
    const f = fields.find((x) => x.name === c.name);
    return f === undefined ? c : { ...c, type: f.type };
  });
  return { ...table, columns };
}

/** True when the field list has a processing-time attribute. */
export function hasProctime(fields: readonly { readonly type: LogicalType }[]): boolean {
  return fields.some((f) => isProctimeAttribute(f.type));
}

/**
 * `… JOIN t FOR SYSTEM_TIME AS OF o.proc_time`: a processing-time temporal join, which joins each
 * probe row with the table's version current when the row is processed (a lookup into the table's
 * latest rows). The table needs a primary key (its rows are kept by key, like the versions of an
 * event-time temporal join); it needs no rowtime. `fail` throws the binder's error at the AS OF.
 */
export function checkProctimeTemporalTable(primaryKey: readonly number[] | undefined, fail: (reason: string) => never): void {
  if (primaryKey === undefined) fail('Temporal Table Join requires primary key in versioned table, but no primary key can be found.');
}
