/**
 * Combines what the topic and Schema Registry say about a table (the inferred table) with what
 * CREATE / ALTER TABLE stored in SQLite. Stored physical columns win while the subjects still hold
 * the schemas CREATE TABLE registered; after a schema evolution the registry's columns win.
 * A computed or metadata column wins over a physical field of the same name (reference §2.6).
 */
import type { CatalogColumn, CatalogTable, ChangelogMode, TableFormat } from './types.js';
import type { StoredTable } from './table-metadata-store.js';
import { defaultWatermark } from './system-columns.js';
import { sortedRecord } from './table-options.js';

/** The effective table: the inferred base with the stored definition applied. */
export function assembleTable(base: CatalogTable, stored: StoredTable | undefined): CatalogTable {
  if (stored === undefined) return base;
  const declared = stored.columns.filter((c) => c.kind !== 'physical');
  const declaredNames = new Set(declared.map((c) => c.name));
  const created = stored.origin === 'created';
  const unchanged = created && stored.keySchemaId === base.keySchemaId && stored.valueSchemaId === base.valueSchemaId;
  let columns: CatalogColumn[];
  if (unchanged) {
    columns = [...stored.columns];
  } else {
    // A created table without a Kafka key must not grow the raw `key` column inference adds.
    const keyless = created && stored.keyFormat === undefined ? new Set(base.keyFields.map((k) => k.column)) : new Set<string>();
    const physical = base.columns
      .filter((c) => !keyless.has(c.name))
      .map((c) => (stored.keyType !== undefined && c.name === stored.keyType.name ? stored.keyType : c));
    columns = [...physical.filter((c) => !declaredNames.has(c.name)), ...declared];
  }
  const options: Record<string, string> = created ? { ...topicOptions(base.options), ...stored.options } : { ...base.options, ...stored.options };
  let keyFormat: TableFormat | undefined = base.keyFormat;
  let valueFormat: TableFormat = base.valueFormat;
  if (created) {
    keyFormat = stored.keyFormat;
    valueFormat = (options['value.format'] ?? 'avro-registry') as TableFormat;
    options['value.format'] = valueFormat;
    if (keyFormat !== undefined) options['key.format'] = keyFormat;
  } else {
    valueFormat = (options['value.format'] ?? valueFormat) as TableFormat;
    keyFormat = (options['key.format'] ?? keyFormat) as TableFormat | undefined;
  }
  const changelogMode = (options['changelog.mode'] ?? base.changelogMode) as ChangelogMode;
  options['changelog.mode'] = changelogMode;
  const primaryKey = created ? stored.primaryKey : base.primaryKey;
  const { primaryKey: _drop, keyFormat: _k, comment: _c, ...rest } = base;
  const table: CatalogTable = {
    ...rest,
    columns,
    distribution: { columns: created ? stored.distributionColumns ?? [] : base.distribution.columns, buckets: base.distribution.buckets },
    watermark: stored.watermark === undefined ? defaultWatermark() : { ...stored.watermark, isDefault: false },
    options: sortedRecord(options),
    changelogMode,
    valueFormat,
    keyFields: unchanged ? stored.keyFields ?? [] : created && stored.keyFormat === undefined ? [] : base.keyFields,
    valueFields: unchanged ? stored.valueFields ?? [] : base.valueFields,
    inferred: !created,
  };
  return {
    ...table,
    ...(keyFormat === undefined ? {} : { keyFormat }),
    ...(primaryKey === undefined ? {} : { primaryKey }),
    ...(stored.comment === undefined ? {} : { comment: stored.comment }),
  };
}

/** The options that come from the topic itself (connector, kafka.*, scan defaults). */
function topicOptions(all: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k === 'connector' || k.startsWith('kafka.') || k.startsWith('scan.')) out[k] = v;
  }
  return out;
}
