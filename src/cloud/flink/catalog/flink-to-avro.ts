/**
 * Flink → Avro for the subjects CREATE TABLE registers (reference §9.1): top-level record `record`
 * in namespace `org.apache.flink.avro.generated`, nested rows `record_<field>`, nullable types as
 * `["null", T]` unions with `default: null`, `connect.type` / `flink.*` properties, logical types.
 */
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import { MAX_LENGTH } from '../types/index.js';

/** Namespace of every Avro record Flink generates. */
export const AVRO_NAMESPACE = 'org.apache.flink.avro.generated';

type AvroJson = string | readonly AvroJson[] | { readonly [k: string]: unknown };

/** A Flink field to put in a generated schema. */
export interface SchemaField {
  readonly name: string;
  readonly type: LogicalType;
  readonly comment?: string;
}

/** Thrown (and turned into a diagnostic by the caller) for types Avro cannot hold. */
export class UnsupportedTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedTypeError';
  }
}

/** The Avro schema of a record with these fields. */
export function avroRecordSchema(fields: readonly SchemaField[]): { readonly [k: string]: unknown } {
  return { type: 'record', name: 'record', namespace: AVRO_NAMESPACE, fields: fields.map((f) => avroField(f, 'record')) };
}

function avroField(f: SchemaField, parent: string): { readonly [k: string]: unknown } {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.name)) {
    throw new UnsupportedTypeError(`Column name '${f.name}' is not a valid Avro field name ([A-Za-z_][A-Za-z0-9_]*).`);
  }
  const t = avroType(f.type, `${parent}_${f.name}`);
  const base: Record<string, unknown> = { name: f.name, type: t };
  if (f.comment !== undefined) base['doc'] = f.comment;
  if (f.type.nullable) base['default'] = null;
  return base;
}

function avroType(t: LogicalType, recordName: string): AvroJson {
  const body = avroBody(t, recordName);
  return t.nullable && t.kind !== 'NULL' ? ['null', body] : body;
}

function avroBody(t: LogicalType, recordName: string): AvroJson {
  switch (t.kind) {
    case 'BOOLEAN': return 'boolean';
    case 'TINYINT': return { type: 'int', 'connect.type': 'int8' };
    case 'SMALLINT': return { type: 'int', 'connect.type': 'int16' };
    case 'INTEGER': return 'int';
    case 'BIGINT': return 'long';
    case 'FLOAT': return 'float';
    case 'DOUBLE': return 'double';
    case 'DECIMAL': return { type: 'bytes', logicalType: 'decimal', precision: t.precision, scale: t.scale };
    case 'CHAR': return { type: 'string', 'flink.maxLength': t.length, 'flink.minLength': t.length };
    case 'VARCHAR': return t.length === MAX_LENGTH ? 'string' : { type: 'string', 'flink.maxLength': t.length };
    case 'BINARY': return { type: 'fixed', name: `${recordName}_fixed`, namespace: AVRO_NAMESPACE, size: t.length };
    case 'VARBINARY': return t.length === MAX_LENGTH ? 'bytes' : { type: 'bytes', 'flink.maxLength': t.length };
    case 'DATE': return { type: 'int', logicalType: 'date' };
    case 'TIME': return withPrecision({ type: 'int', logicalType: 'time-millis' }, t.precision, 3);
    case 'TIMESTAMP':
      return t.precision <= 3
        ? withPrecision({ type: 'long', logicalType: 'local-timestamp-millis' }, t.precision, 3)
        : withPrecision({ type: 'long', logicalType: 'local-timestamp-micros' }, t.precision, 6);
    case 'TIMESTAMP_LTZ':
      return t.precision <= 3
        ? withPrecision({ type: 'long', logicalType: 'timestamp-millis' }, t.precision, 3)
        : withPrecision({ type: 'long', logicalType: 'timestamp-micros' }, t.precision, 6);
    case 'ARRAY': return { type: 'array', items: avroType(t.element, recordName) };
    case 'MAP':
      if (t.key.kind === 'VARCHAR' || t.key.kind === 'CHAR') return { type: 'map', values: avroType(t.value, recordName) };
      return { type: 'array', items: mapEntry(t.key, t.value, recordName) };
    case 'MULTISET':
      if (t.element.kind === 'VARCHAR' || t.element.kind === 'CHAR') return { type: 'map', values: 'int', 'flink.type': 'multiset' };
      return { type: 'array', items: mapEntry(t.element, { kind: 'INTEGER', nullable: false }, recordName), 'flink.type': 'multiset' };
    case 'ROW':
      return { type: 'record', name: recordName, fields: t.fields.map((f) => avroField(f.description === undefined ? f : { name: f.name, type: f.type, comment: f.description }, recordName)) };
    case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME': case 'NULL':
      throw new UnsupportedTypeError(`Type ${t.kind} is not supported by the 'avro-registry' format.`);
    default: return assertNever(t, 'logical type');
  }
}

function mapEntry(key: LogicalType, value: LogicalType, recordName: string): AvroJson {
  return {
    type: 'record', name: 'MapEntry', namespace: 'io.confluent.connect.avro',
    fields: [{ name: 'key', type: avroType(key, `${recordName}_key`) }, { name: 'value', type: avroType(value, `${recordName}_value`) }],
  };
}

function withPrecision(base: Record<string, unknown>, precision: number, natural: number): AvroJson {
  return precision === natural ? base : { ...base, 'flink.precision': precision };
}
