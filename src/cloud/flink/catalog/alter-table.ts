/**
 * ALTER TABLE semantics (reference §5.7) as a pure function from the current table and its stored
 * definition to the new stored definition: SET/RESET of known, mutable options; MODIFY/DROP
 * WATERMARK (ADD is refused as Confluent does); ADD/DROP/MODIFY of computed and metadata columns;
 * MODIFY of the raw `key` column of inferred tables. Physical columns belong to Schema Registry.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import { assertNever } from '../../../shared/index.js';
import type { AlterAction, CatalogColumn, CatalogTable, ColumnSpec } from './types.js';
import type { StoredTable } from './table-metadata-store.js';
import { checkWatermarkColumn } from './create-table.js';
import { validateMetadataColumn } from './metadata-keys.js';
import { ROWTIME } from './system-columns.js';
import { CREATION_ONLY_OPTIONS, KNOWN_OPTIONS, immutableOption, validateOptions } from './table-options.js';

const ATOMIC_KEY_KINDS = new Set(['CHAR', 'VARCHAR', 'BOOLEAN', 'BINARY', 'VARBINARY', 'DECIMAL', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ']);

/** Applies one ALTER TABLE action; returns the new stored definition. */
export function planAlterTable(table: CatalogTable, stored: StoredTable | undefined, action: AlterAction): Outcome<StoredTable> {
  const cur: StoredTable = stored ?? { origin: 'inferred', columns: [], options: {} };
  const fail = (d: Diagnostic): Outcome<StoredTable> => ({ diagnostics: [d] });
  switch (action.kind) {
    case 'set-options': {
      const diags = validateOptions(action.options, 'alter');
      const mode = action.options['changelog.mode'];
      if (mode !== undefined) diags.push(...checkMode(table, mode));
      return diags.length > 0 ? { diagnostics: diags } : ok({ ...cur, options: { ...cur.options, ...action.options } });
    }
    case 'reset-options': {
      const diags: Diagnostic[] = [];
      for (const k of action.keys) {
        if (!KNOWN_OPTIONS.has(k)) diags.push(errorDiag('flink-unknown-table-option', `Unsupported option '${k}'.`));
        else if (CREATION_ONLY_OPTIONS.has(k)) diags.push(immutableOption(k));
      }
      if (diags.length > 0) return { diagnostics: diags };
      const options: Record<string, string> = { ...cur.options };
      for (const k of action.keys) delete options[k];
      if (cur.origin === 'created' && action.keys.includes('changelog.mode')) options['changelog.mode'] = table.primaryKey === undefined ? 'append' : 'upsert';
      if (cur.origin === 'created' && action.keys.includes('value.format')) options['value.format'] = 'avro-registry';
      return ok({ ...cur, options });
    }
    case 'add-watermark':
      return fail(errorDiag('flink-add-watermark', 'All tables declare a system-provided watermark by default. Use ALTER TABLE MODIFY for custom watermarks.'));
    case 'modify-watermark': {
      const diags = checkWatermarkColumn(table.columns, action.column);
      return diags.length > 0 ? { diagnostics: diags } : ok({ ...cur, watermark: { column: action.column, expr: action.expr } });
    }
    case 'drop-watermark': {
      if (cur.watermark === undefined) {
        return fail(errorDiag('flink-no-custom-watermark', `The table ${tableName(table)} has no custom watermark to drop; it uses the system watermark SOURCE_WATERMARK() on \`${ROWTIME}\`.`));
      }
      const { watermark: _w, ...rest } = cur;
      return ok(rest);
    }
    case 'add-columns': {
      const diags: Diagnostic[] = [];
      const names = new Set([...table.columns.map((c) => c.name), ROWTIME]);
      for (const c of action.columns) {
        if (c.kind === 'physical') { diags.push(physicalColumnChange(table, 'add', c.name)); continue; }
        if (names.has(c.name)) { diags.push(errorDiag('flink-duplicate-column', `Try to add a column \`${c.name}\` which already exists in the table.`)); continue; }
        names.add(c.name);
        const d = c.kind === 'metadata' ? validateMetadataColumn(c) : undefined;
        if (d !== undefined) diags.push(d);
      }
      return diags.length > 0 ? { diagnostics: diags } : ok({ ...cur, columns: [...cur.columns, ...action.columns.map(toColumn)] });
    }
    case 'modify-column': return modifyColumn(table, cur, action.column);
    case 'drop-columns': {
      const diags: Diagnostic[] = [];
      for (const name of action.columns) {
        const col = table.columns.find((c) => c.name === name);
        if (col === undefined) diags.push(errorDiag('flink-column-not-found', `The column \`${name}\` does not exist in the table ${tableName(table)}.`));
        else if (col.kind === 'physical') diags.push(physicalColumnChange(table, 'drop', name));
        else if (cur.watermark?.column === name) diags.push(errorDiag('flink-column-in-use', `The column \`${name}\` is referenced by the watermark. Drop or modify the watermark first.`));
      }
      return diags.length > 0 ? { diagnostics: diags } : ok({ ...cur, columns: cur.columns.filter((c) => c.kind === 'physical' || !action.columns.includes(c.name)) });
    }
    default: return assertNever(action, 'alter action');
  }
}

function modifyColumn(table: CatalogTable, cur: StoredTable, spec: ColumnSpec): Outcome<StoredTable> {
  const existing = table.columns.find((c) => c.name === spec.name);
  if (existing === undefined) return { diagnostics: [errorDiag('flink-column-not-found', `The column \`${spec.name}\` does not exist in the table ${tableName(table)}.`)] };
  if (spec.kind === 'physical' || existing.kind === 'physical') {
    const rawKey = table.inferred && table.keyFormat === 'raw' && table.keyFields.some((k) => k.column === spec.name && k.field === undefined);
    if (!rawKey || spec.kind !== 'physical') return { diagnostics: [physicalColumnChange(table, 'modify', spec.name)] };
    if (!ATOMIC_KEY_KINDS.has(spec.type.kind)) {
      return { diagnostics: [errorDiag('flink-invalid-key-type', `The raw key column \`${spec.name}\` can only be changed to an atomic type, not ${spec.type.kind}.`)] };
    }
    return ok({ ...cur, keyType: toColumn(spec) });
  }
  const d = spec.kind === 'metadata' ? validateMetadataColumn(spec) : undefined;
  if (d !== undefined) return { diagnostics: [d] };
  return ok({ ...cur, columns: cur.columns.map((c) => (c.name === spec.name ? toColumn(spec) : c)) });
}

function checkMode(table: CatalogTable, mode: string): Diagnostic[] {
  if (mode !== 'upsert') return [];
  if (table.primaryKey === undefined) {
    return [errorDiag('flink-upsert-without-primary-key', "The changelog mode 'upsert' requires a PRIMARY KEY, but the table has none.")];
  }
  const pk = table.primaryKey.columns;
  const bucket = table.distribution.columns;
  if (bucket.length !== pk.length || !bucket.every((c) => pk.includes(c))) {
    return [errorDiag('flink-upsert-bucket-key', 'For an upsert table the bucket key must be equal to the primary key.')];
  }
  return [];
}

/** Confluent's advice: physical columns come from Schema Registry. */
function physicalColumnChange(table: CatalogTable, verb: 'add' | 'modify' | 'drop', column: string): Diagnostic {
  return errorDiag('flink-physical-column-change',
    `Cannot ${verb} the physical column \`${column}\` of table ${tableName(table)} with ALTER TABLE. Physical columns are derived from the table's schemas; evolve the schema in Schema Registry (subject '${table.name}-value' or '${table.name}-key') instead. Only computed and metadata columns can be added, modified or dropped.`);
}

function toColumn(c: ColumnSpec): CatalogColumn {
  return c;
}

function ok(v: StoredTable): Outcome<StoredTable> {
  return { value: v, diagnostics: [] };
}

function tableName(t: CatalogTable): string {
  return [t.catalog.name, t.database.name, t.name].map((p) => `\`${p}\``).join('.');
}
