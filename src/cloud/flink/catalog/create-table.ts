/**
 * CREATE TABLE semantics (reference §2.1–2.5) as a pure plan: the topic to create (partitions =
 * buckets or 6, cleanup / retention / max message size from the kafka.* options), the key and
 * value subjects to register (§9.1), and the definition to store. PK columns become NOT NULL and
 * live in the key only; `changelog.mode` is upsert with a PK, append without, and validated when given.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { SchemaInput } from '../../schema-registry/index.js';
import { printType, withNullable } from '../types/index.js';
import type { CatalogColumn, ChangelogMode, ColumnSpec, FieldMapping, PhysicalColumn, TableFormat, TableSpec } from './types.js';
import type { StoredTable } from './table-metadata-store.js';
import type { SchemaField } from './flink-to-avro.js';
import { UnsupportedTypeError, avroRecordSchema } from './flink-to-avro.js';
import { jsonRecordSchema } from './flink-to-json-schema.js';
import { protobufRecordSchema } from './flink-to-protobuf.js';
import { validateMetadataColumn } from './metadata-keys.js';
import { ROWTIME } from './system-columns.js';
import { DEFAULT_BUCKETS, parseDuration, parseMemorySize, validateOptions } from './table-options.js';

/** What executing CREATE TABLE does, computed before touching anything. */
export interface CreateTablePlan {
  readonly partitions: number;
  readonly topicConfigs: Readonly<Record<string, string>>;
  readonly keySchema?: SchemaInput;
  readonly valueSchema?: SchemaInput;
  readonly stored: StoredTable;
}

const TOPIC_OPTIONS = new Set(['connector', 'kafka.cleanup-policy', 'kafka.retention.time', 'kafka.retention.size', 'kafka.max-message-size', 'kafka.partitions']);

/** Column checks shared by every CREATE TABLE: duplicate names, the reserved `$rowtime`, metadata keys. */
export function validateColumns(spec: TableSpec): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const names = new Set<string>();
  for (const c of spec.columns) {
    if (names.has(c.name)) diags.push(errorDiag('flink-duplicate-column', `A column with the same name \`${c.name}\` has been defined at least twice.`));
    names.add(c.name);
    if (c.name === ROWTIME) diags.push(errorDiag('flink-reserved-column', `The column name \`${ROWTIME}\` is reserved for the system column.`));
    if (c.kind === 'metadata') {
      const d = validateMetadataColumn(c);
      if (d !== undefined) diags.push(d);
    }
  }
  return diags;
}

/** Validates a CREATE TABLE spec and plans its effects. */
export function planCreateTable(spec: TableSpec): Outcome<CreateTablePlan> {
  const options = spec.options ?? {};
  const diags: Diagnostic[] = [...validateOptions(options, 'create'), ...validateColumns(spec)];
  const physicalNames = new Set(spec.columns.filter((c) => c.kind === 'physical').map((c) => c.name));
  const pkCols = spec.primaryKey?.columns ?? [];
  for (const k of pkCols) {
    if (!physicalNames.has(k)) diags.push(errorDiag('flink-invalid-primary-key', `Invalid primary key. Column '${k}' is not a physical column of the table.`));
  }
  const distCols = spec.distribution?.columns;
  for (const k of distCols ?? []) {
    if (!physicalNames.has(k)) diags.push(errorDiag('flink-invalid-distribution', `Invalid bucket key. Column '${k}' is not a physical column of the table.`));
  }
  const buckets = spec.distribution?.buckets ?? (options['kafka.partitions'] === undefined ? DEFAULT_BUCKETS : Number(options['kafka.partitions']));
  if (!Number.isInteger(buckets) || buckets < 1) diags.push(errorDiag('flink-invalid-distribution', `The number of buckets must be a positive integer, got ${buckets}.`));
  const mode = (options['changelog.mode'] ?? (pkCols.length > 0 ? 'upsert' : 'append')) as ChangelogMode;
  const keyCols = distCols ?? pkCols;
  if (mode === 'upsert' && pkCols.length === 0) {
    diags.push(errorDiag('flink-upsert-without-primary-key', "The changelog mode 'upsert' requires a PRIMARY KEY. Declare one, or use 'append' or 'retract'."));
  }
  if (mode === 'upsert' && distCols !== undefined && pkCols.length > 0 && !sameSet(distCols, pkCols)) {
    diags.push(errorDiag('flink-upsert-bucket-key', `For an upsert table the bucket key must be equal to the primary key (${pkCols.join(', ')}), but it is (${distCols.join(', ')}).`));
  }
  if (distCols !== undefined && mode !== 'upsert' && pkCols.length > 0 && !distCols.every((c) => pkCols.includes(c))) {
    diags.push(errorDiag('flink-invalid-distribution', `The bucket key (${distCols.join(', ')}) must be a subset of the primary key (${pkCols.join(', ')}).`));
  }
  const watermark = spec.watermark;
  if (watermark !== undefined) diags.push(...checkWatermarkColumn(spec.columns, watermark.column));
  if (diags.length > 0) return { diagnostics: diags };

  const pkSet = new Set(pkCols);
  const columns: CatalogColumn[] = spec.columns.map((c) => toColumn(c, pkSet));
  const physical = columns.filter((c): c is PhysicalColumn => c.kind === 'physical');
  const keyFormat: TableFormat | undefined = keyCols.length === 0 ? undefined : (options['key.format'] ?? 'avro-registry') as TableFormat;
  const valueFormat = (options['value.format'] ?? 'avro-registry') as TableFormat;
  const includeAll = options['value.fields-include'] === 'all';
  const prefix = options['key.fields-prefix'] ?? '';
  const keyPhysical = keyCols.map((k) => physical.find((p) => p.name === k)).filter((p): p is PhysicalColumn => p !== undefined);
  const valuePhysical = includeAll ? physical : physical.filter((p) => !keyCols.includes(p.name));
  const formatDiags = checkFormats({ keyFormat, valueFormat, keyPhysical, valuePhysical, prefix, includeAll });
  if (formatDiags.length > 0) return { diagnostics: formatDiags };

  const keyFields: FieldMapping[] = keyFormat === 'raw' ? keyPhysical.map((p) => ({ column: p.name })) : keyPhysical.map((p) => ({ column: p.name, field: p.name.slice(prefix.length) }));
  const valueFields: FieldMapping[] = valueFormat === 'raw' ? valuePhysical.map((p) => ({ column: p.name })) : valuePhysical.map((p) => ({ column: p.name, field: p.name }));
  let keySchema: SchemaInput | undefined;
  let valueSchema: SchemaInput | undefined;
  try {
    if (keyFormat !== undefined && keyFormat !== 'raw') keySchema = schemaFor(keyFormat, keyPhysical.map((p) => fieldOf(p, prefix)));
    if (valueFormat !== 'raw') valueSchema = schemaFor(valueFormat, valuePhysical.map((p) => fieldOf(p, '')));
  } catch (err) {
    if (err instanceof UnsupportedTypeError) return { diagnostics: [errorDiag('flink-unsupported-type', err.message)] };
    throw err;
  }
  const storedOptions: Record<string, string> = { 'changelog.mode': mode, 'value.format': valueFormat };
  for (const [k, v] of Object.entries(options)) if (!TOPIC_OPTIONS.has(k)) storedOptions[k] = v;
  if (keyFormat !== undefined) storedOptions['key.format'] = keyFormat;
  const stored: StoredTable = {
    origin: 'created',
    columns,
    ...(pkCols.length > 0 ? { primaryKey: { name: spec.primaryKey?.name ?? 'PRIMARY', columns: pkCols } } : {}),
    distributionColumns: keyCols,
    ...(watermark === undefined ? {} : { watermark }),
    options: storedOptions,
    ...(spec.comment === undefined ? {} : { comment: spec.comment }),
    ...(keyFormat === undefined ? {} : { keyFormat }),
    keyFields, valueFields,
  };
  const plan: CreateTablePlan = {
    partitions: buckets,
    topicConfigs: topicConfigs(options),
    stored,
    ...(keySchema === undefined ? {} : { keySchema }),
    ...(valueSchema === undefined ? {} : { valueSchema }),
  };
  return { value: plan, diagnostics: [] };
}

/** Topic configs derived from the kafka.* options. */
export function topicConfigs(options: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const policy = options['kafka.cleanup-policy'];
  if (policy !== undefined && policy !== 'delete') out['cleanup.policy'] = policy === 'delete-compact' ? 'delete,compact' : policy;
  const retention = options['kafka.retention.time'] === undefined ? undefined : parseDuration(options['kafka.retention.time']);
  if (retention !== undefined) out['retention.ms'] = String(retention === 0 ? -1 : retention);
  const size = options['kafka.retention.size'] === undefined ? undefined : parseMemorySize(options['kafka.retention.size']);
  if (size !== undefined) out['retention.bytes'] = String(size === 0 ? -1 : size);
  const max = options['kafka.max-message-size'] === undefined ? undefined : parseMemorySize(options['kafka.max-message-size']);
  if (max !== undefined) out['max.message.bytes'] = String(max);
  return out;
}

/** A watermark must be on `$rowtime` or a top-level TIMESTAMP(3) / TIMESTAMP_LTZ(3) column. */
export function checkWatermarkColumn(columns: readonly (ColumnSpec | CatalogColumn)[], column: string): Diagnostic[] {
  if (column === ROWTIME) return [];
  const c = columns.find((x) => x.name === column);
  if (c === undefined) return [errorDiag('flink-invalid-watermark', `The rowtime attribute field '${column}' is not defined in the table schema.`)];
  if (c.kind === 'computed' && /^`?PROCTIME`?\(\s*\)$/i.test(c.expr.trim())) {
    return [errorDiag('flink-invalid-watermark', 'A watermark can not be defined for a processing-time attribute.')];
  }
  const t = c.type;
  if (t === undefined) return [];
  if ((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.precision <= 3) return [];
  return [errorDiag('flink-invalid-watermark', `Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is ${printType(t)}.`)];
}

function checkFormats(p: { keyFormat: TableFormat | undefined; valueFormat: TableFormat; keyPhysical: readonly PhysicalColumn[]; valuePhysical: readonly PhysicalColumn[]; prefix: string; includeAll: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (p.valueFormat.includes('debezium')) out.push(errorDiag('flink-invalid-table-option', `The value format '${p.valueFormat}' is only available for inferred tables.`));
  if (p.keyFormat === undefined && p.prefix !== '') out.push(errorDiag('flink-invalid-table-option', "The option 'key.fields-prefix' requires key columns (a PRIMARY KEY or DISTRIBUTED BY columns)."));
  if (p.prefix !== '' && p.includeAll) out.push(errorDiag('flink-invalid-table-option', "The option 'key.fields-prefix' requires 'value.fields-include' = 'except-key'."));
  for (const k of p.keyPhysical) {
    if (!k.name.startsWith(p.prefix)) out.push(errorDiag('flink-invalid-table-option', `All key columns must start with the prefix '${p.prefix}' of 'key.fields-prefix', but '${k.name}' does not.`));
  }
  if (p.keyFormat === 'raw' && p.keyPhysical.length !== 1) out.push(errorDiag('flink-invalid-table-option', "The key format 'raw' supports exactly one key column."));
  if (p.valueFormat === 'raw' && p.valuePhysical.length !== 1) out.push(errorDiag('flink-invalid-table-option', "The value format 'raw' supports exactly one value column."));
  return out;
}

function schemaFor(format: TableFormat, fields: readonly SchemaField[]): SchemaInput {
  switch (format) {
    case 'avro-registry': return { schemaType: 'AVRO', schema: JSON.stringify(avroRecordSchema(fields)), references: [] };
    case 'json-registry': return { schemaType: 'JSON', schema: JSON.stringify(jsonRecordSchema(fields)), references: [] };
    case 'proto-registry': return { schemaType: 'PROTOBUF', schema: protobufRecordSchema(fields), references: [] };
    default: throw new UnsupportedTypeError(`The format '${format}' cannot be registered in Schema Registry.`);
  }
}

function fieldOf(p: PhysicalColumn, prefix: string): SchemaField {
  const name = p.name.slice(prefix.length);
  return p.comment === undefined ? { name, type: p.type } : { name, type: p.type, comment: p.comment };
}

function toColumn(c: ColumnSpec, pk: ReadonlySet<string>): CatalogColumn {
  if (c.kind === 'physical' && pk.has(c.name)) return { ...c, type: withNullable(c.type, false) };
  return c;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
