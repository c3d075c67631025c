/**
 * Tables inferred from topics nobody declared (reference §2.6): columns from the latest
 * `<topic>-key` / `<topic>-value` schemas, a raw `key` / `val` VARBINARY column where a subject is
 * missing, the `key_` prefix when key and value names collide, `value.fields-include = all` when
 * the key fields are contained in the value, upsert for compacted topics, buckets = partitions.
 */
import type { TopicDescription } from '../../kafka/index.js';
import type { ParsedSchema } from '../../schema-registry/index.js';
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import { bytesType, rowType, withNullable } from '../types/index.js';
import type {
  CatalogRef, CatalogTable, ChangelogMode, DatabaseRef, FieldMapping, PhysicalColumn, SchemaShape, TableFormat,
} from './types.js';
import { avroShape } from './avro-to-flink.js';
import { jsonSchemaShape } from './json-schema-to-flink.js';
import { protobufShape } from './protobuf-to-flink.js';
import { defaultWatermark, rowtimeColumn } from './system-columns.js';
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_RETENTION_MS, formatDuration, formatMemorySize, sortedRecord } from './table-options.js';

/** A subject's latest schema as the catalog reads it. */
export interface SubjectSchema {
  readonly id: number;
  readonly parsed: ParsedSchema;
}

/** Everything inference needs, fetched by the caller. */
export interface InferenceInput {
  readonly catalog: CatalogRef;
  readonly database: DatabaseRef;
  readonly topic: TopicDescription;
  readonly schemaRegistryId?: string;
  readonly key?: SubjectSchema;
  readonly value?: SubjectSchema;
}

/** The inferred table of a topic. */
export function inferTable(input: InferenceInput): CatalogTable {
  const { topic } = input;
  const rawValueShape: SchemaShape = input.value === undefined ? { kind: 'atomic', type: bytesType() } : shapeOf(input.value.parsed);
  const debezium = debeziumRow(rawValueShape);
  const valueShape: SchemaShape = debezium ?? rawValueShape;
  const keyShape: SchemaShape = input.key === undefined ? { kind: 'atomic', type: bytesType() } : shapeOf(input.key.parsed);
  const valueCols: PhysicalColumn[] = valueShape.kind === 'record'
    ? valueShape.fields.map((f) => column(f.name, f.type, f.comment))
    : [column('val', valueShape.type)];
  const valueFields: FieldMapping[] = valueShape.kind === 'record' ? valueShape.fields.map((f) => ({ column: f.name, field: f.name })) : [{ column: 'val' }];
  const valueNames = new Set(valueCols.map((c) => c.name));

  let keyCols: PhysicalColumn[];
  let keyFields: FieldMapping[];
  let prefix = '';
  let includeAll = false;
  if (keyShape.kind === 'atomic') {
    prefix = valueNames.has('key') ? 'key_' : '';
    keyCols = [column(`${prefix}key`, keyShape.type)];
    keyFields = [{ column: `${prefix}key` }];
  } else if (keyShape.fields.every((f) => valueCols.some((v) => v.name === f.name && sameType(v.type, f.type)))) {
    includeAll = true;
    keyCols = [];
    keyFields = keyShape.fields.map((f) => ({ column: f.name, field: f.name }));
  } else {
    prefix = keyShape.fields.some((f) => valueNames.has(f.name)) ? 'key_' : '';
    keyCols = keyShape.fields.map((f) => column(`${prefix}${f.name}`, f.type, f.comment));
    keyFields = keyShape.fields.map((f) => ({ column: `${prefix}${f.name}`, field: f.name }));
  }

  const compacted = (topic.configs['cleanup.policy'] ?? 'delete').includes('compact');
  const mode: ChangelogMode = compacted ? 'upsert' : debezium !== undefined ? 'retract' : 'append';
  const bucketKey = keyFields.map((k) => k.column);
  // An upsert table needs a primary key: the Kafka key, whose columns become NOT NULL.
  const pkSet = new Set(mode === 'upsert' ? bucketKey : []);
  const columns = [...keyCols, ...valueCols].map((c) => (pkSet.has(c.name) ? { ...c, type: withNullable(c.type, false) } : c));
  const keyFormat = input.key === undefined ? 'raw' : formatOf(input.key.parsed);
  const plainFormat = input.value === undefined ? 'raw' : formatOf(input.value.parsed);
  const valueFormat: TableFormat = debezium === undefined ? plainFormat : debeziumFormat(plainFormat);
  const options: Record<string, string> = {
    ...kafkaOptions(topic),
    'changelog.mode': mode,
    'key.format': keyFormat,
    'value.format': valueFormat,
  };
  if (prefix !== '') options['key.fields-prefix'] = prefix;
  if (includeAll) options['value.fields-include'] = 'all';
  const table: CatalogTable = {
    catalog: input.catalog, database: input.database, name: topic.name,
    columns, systemColumns: [rowtimeColumn()],
    distribution: { columns: bucketKey, buckets: topic.partitionsCount },
    watermark: defaultWatermark(),
    options: sortedRecord(options),
    changelogMode: mode, keyFormat, valueFormat, keyFields, valueFields,
    inferred: true, readOnly: false,
    ...(input.schemaRegistryId === undefined ? {} : { schemaRegistryId: input.schemaRegistryId }),
    ...(input.key === undefined ? {} : { keySchemaId: input.key.id }),
    ...(input.value === undefined ? {} : { valueSchemaId: input.value.id }),
  };
  return mode === 'upsert' ? { ...table, primaryKey: { name: 'PRIMARY', columns: bucketKey } } : table;
}

/** The options every Kafka-backed table shows, read from its topic's configs. */
export function kafkaOptions(topic: TopicDescription): Record<string, string> {
  const cfg = topic.configs;
  const policy = (cfg['cleanup.policy'] ?? 'delete').split(',').map((s) => s.trim()).sort();
  const retentionMs = Number(cfg['retention.ms'] ?? DEFAULT_RETENTION_MS);
  const retentionBytes = Number(cfg['retention.bytes'] ?? -1);
  return {
    connector: 'confluent',
    'kafka.cleanup-policy': policy.length === 2 ? 'delete-compact' : policy[0] ?? 'delete',
    'kafka.max-message-size': formatMemorySize(Number(cfg['max.message.bytes'] ?? DEFAULT_MAX_MESSAGE_BYTES)),
    'kafka.retention.size': formatMemorySize(retentionBytes < 0 ? 0 : retentionBytes),
    'kafka.retention.time': formatDuration(retentionMs < 0 ? 0 : retentionMs),
    'scan.bounded.mode': 'unbounded',
    'scan.startup.mode': 'earliest-offset',
  };
}

/** The Flink shape of a registered schema. */
export function shapeOf(parsed: ParsedSchema): SchemaShape {
  switch (parsed.kind) {
    case 'AVRO': return avroShape(parsed.json);
    case 'JSON': return jsonSchemaShape(parsed.json);
    case 'PROTOBUF': {
      const top = parsed.messages.filter((m) => m.indexes.length === 1);
      const first = top[0];
      if (first === undefined) return { kind: 'atomic', type: bytesType() };
      if (top.length === 1) return protobufShape(first.type);
      // Several top-level messages: one nullable ROW column per message (reference §2.6).
      return { kind: 'record', fields: top.map((m) => {
        const inner = protobufShape(m.type);
        return { name: m.type.name, type: rowType(inner.kind === 'record' ? inner.fields.map((f) => ({ name: f.name, type: f.type })) : []) };
      }) };
    }
    default: return assertNever(parsed, 'schema kind');
  }
}

/** The table format of a registered schema. */
export function formatOf(parsed: ParsedSchema): TableFormat {
  return parsed.kind === 'AVRO' ? 'avro-registry' : parsed.kind === 'JSON' ? 'json-registry' : 'proto-registry';
}

/**
 * A Debezium envelope (`before` and `after` rows of one type, plus `op`) is read as the row
 * itself, in retract mode (reference §2.2, §2.4).
 */
function debeziumRow(shape: SchemaShape): SchemaShape | undefined {
  if (shape.kind !== 'record') return undefined;
  const before = shape.fields.find((f) => f.name === 'before');
  const after = shape.fields.find((f) => f.name === 'after');
  const op = shape.fields.find((f) => f.name === 'op');
  if (before === undefined || after === undefined || op === undefined || after.type.kind !== 'ROW') return undefined;
  if (!sameType(withNullable(before.type, true), withNullable(after.type, true))) return undefined;
  return { kind: 'record', fields: after.type.fields.map((f) => (f.description === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, comment: f.description })) };
}

function debeziumFormat(f: TableFormat): TableFormat {
  return f === 'avro-registry' ? 'avro-debezium-registry' : f === 'json-registry' ? 'json-debezium-registry' : f === 'proto-registry' ? 'proto-debezium-registry' : f;
}

function column(name: string, type: LogicalType, comment?: string): PhysicalColumn {
  return comment === undefined ? { kind: 'physical', name, type } : { kind: 'physical', name, type, comment };
}

function sameType(a: LogicalType, b: LogicalType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
