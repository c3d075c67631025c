/**
 * Tables backed by a built-in connector instead of a Kafka topic: `'connector' = 'nexmark'` (the
 * benchmark generator, nexmark.md §1) and `'connector' = 'blackhole'` (a sink that discards).
 * They have no topic and no subjects: CREATE TABLE stores the whole definition (columns,
 * watermark, primary key, options as written) in the metadata store and the table is resolved
 * from it alone. The catalog validates only the `connector` key; the connector's own options are
 * checked where the source is built (the job builder), which fails the statement with their
 * diagnostics. ALTER TABLE may change options (not `connector`), the watermark and computed /
 * metadata columns.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import { withNullable } from '../types/index.js';
import type { AlterAction, CatalogColumn, CatalogTable, ColumnSpec, TableSpec } from './types.js';
import type { ResolvedPath } from './catalog-resolver.js';
import type { StoredTable } from './table-metadata-store.js';
import { checkWatermarkColumn, validateColumns } from './create-table.js';
import { planAlterTable } from './alter-table.js';
import { defaultWatermark, rowtimeColumn } from './system-columns.js';
import { immutableOption, sortedRecord } from './table-options.js';

/** The connectors whose tables live in the catalog only (no topic). */
export const CONNECTOR_TABLE_CONNECTORS: readonly string[] = ['blackhole', 'nexmark'];

/** The connector of a connector-only table's options (`nexmark` / `blackhole`), or undefined. */
export function connectorOf(options: Readonly<Record<string, string>> | undefined): string | undefined {
  const c = options?.['connector'];
  return c !== undefined && CONNECTOR_TABLE_CONNECTORS.includes(c) ? c : undefined;
}

/** True when a stored definition is a connector-only table. */
export function isConnectorStored(stored: StoredTable | undefined): stored is StoredTable {
  return stored !== undefined && connectorOf(stored.options) !== undefined;
}

/** Validates CREATE TABLE of a connector-only table; returns the definition to store. */
export function planConnectorTable(spec: TableSpec): Outcome<StoredTable> {
  const diags: Diagnostic[] = validateColumns(spec);
  const connector = spec.options?.['connector'] ?? '';
  if (spec.distribution !== undefined) {
    diags.push(errorDiag('flink-invalid-distribution', `DISTRIBUTED BY is not supported for tables with 'connector' = '${connector}': they have no Kafka topic.`));
  }
  const physical = new Set(spec.columns.filter((c) => c.kind === 'physical').map((c) => c.name));
  const pkCols = spec.primaryKey?.columns ?? [];
  for (const k of pkCols) {
    if (!physical.has(k)) diags.push(errorDiag('flink-invalid-primary-key', `Invalid primary key. Column '${k}' is not a physical column of the table.`));
  }
  if (spec.watermark !== undefined) diags.push(...checkWatermarkColumn(spec.columns, spec.watermark.column));
  if (diags.length > 0) return { diagnostics: diags };
  const pk = new Set(pkCols);
  const stored: StoredTable = {
    origin: 'created',
    columns: spec.columns.map((c) => toColumn(c, pk)),
    ...(pkCols.length > 0 ? { primaryKey: { name: spec.primaryKey?.name ?? 'PRIMARY', columns: pkCols } } : {}),
    ...(spec.watermark === undefined ? {} : { watermark: spec.watermark }),
    options: { ...spec.options },
    ...(spec.comment === undefined ? {} : { comment: spec.comment }),
  };
  return { value: stored, diagnostics: [] };
}

/** The table a connector-only definition describes. */
export function connectorTable(path: ResolvedPath, stored: StoredTable): CatalogTable {
  const table: CatalogTable = {
    catalog: path.catalog,
    database: path.database,
    name: path.table,
    columns: stored.columns,
    systemColumns: [rowtimeColumn()],
    distribution: { columns: [], buckets: 1 },
    watermark: stored.watermark === undefined ? defaultWatermark() : { ...stored.watermark, isDefault: false },
    options: sortedRecord(stored.options),
    changelogMode: stored.primaryKey === undefined ? 'append' : 'upsert',
    valueFormat: 'raw',
    keyFields: [],
    valueFields: [],
    inferred: false,
    readOnly: false,
  };
  return {
    ...table,
    ...(stored.primaryKey === undefined ? {} : { primaryKey: stored.primaryKey }),
    ...(stored.comment === undefined ? {} : { comment: stored.comment }),
  };
}

/**
 * ALTER TABLE on a connector-only table: SET / RESET of any option but `connector` (the
 * connector's own options are checked when a statement reads the table), watermark changes and
 * computed / metadata columns as for any table; physical columns are fixed.
 */
export function alterConnectorTable(table: CatalogTable, stored: StoredTable, action: AlterAction): Outcome<StoredTable> {
  switch (action.kind) {
    case 'set-options': {
      const c = action.options['connector'];
      if (c !== undefined && c !== stored.options['connector']) return { diagnostics: [immutableOption('connector')] };
      return { value: { ...stored, options: { ...stored.options, ...action.options } }, diagnostics: [] };
    }
    case 'reset-options': {
      if (action.keys.includes('connector')) return { diagnostics: [immutableOption('connector')] };
      const options: Record<string, string> = { ...stored.options };
      for (const k of action.keys) delete options[k];
      return { value: { ...stored, options }, diagnostics: [] };
    }
    case 'add-columns': case 'modify-column': case 'drop-columns': {
      const names = action.kind === 'add-columns' ? action.columns.filter((c) => c.kind === 'physical').map((c) => c.name)
        : action.kind === 'modify-column' ? [action.column.name].filter((n) => action.column.kind === 'physical' || table.columns.some((c) => c.name === n && c.kind === 'physical'))
          : action.columns.filter((n) => table.columns.some((c) => c.name === n && c.kind === 'physical'));
      if (names.length > 0) {
        return { diagnostics: names.map((n) => errorDiag('flink-physical-column-change', `Cannot change the physical column \`${n}\` of table '${table.name}' ('connector' = '${stored.options['connector'] ?? ''}') with ALTER TABLE; drop and recreate the table instead.`)) };
      }
      return planAlterTable(table, stored, action);
    }
    default: return planAlterTable(table, stored, action);
  }
}

function toColumn(c: ColumnSpec, pk: ReadonlySet<string>): CatalogColumn {
  if (c.kind === 'physical' && pk.has(c.name)) return { ...c, type: withNullable(c.type, false) };
  return c;
}
