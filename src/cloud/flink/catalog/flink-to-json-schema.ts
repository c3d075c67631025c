/**
 * Flink → JSON Schema for `json-registry` subjects (reference §9.1): an object titled `Record`,
 * `connect.index` per property, nullable types as `oneOf [null, T]`, NOT NULL fields `required`,
 * `connect.type` / `title` annotations Kafka Connect and Flink read back.
 */
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import { MAX_LENGTH } from '../types/index.js';
import type { SchemaField } from './flink-to-avro.js';
import { UnsupportedTypeError } from './flink-to-avro.js';

type Node = { readonly [k: string]: unknown };

/** The JSON Schema of a record with these fields. */
export function jsonRecordSchema(fields: readonly SchemaField[]): Node {
  return { ...objectOf(fields), title: 'Record' };
}

function objectOf(fields: readonly SchemaField[]): Node {
  const properties: Record<string, Node> = {};
  fields.forEach((f, i) => {
    const t = jsonType(f.type);
    properties[f.name] = { ...t, 'connect.index': i, ...(f.comment === undefined ? {} : { description: f.comment }) };
  });
  const required = fields.filter((f) => !f.type.nullable).map((f) => f.name);
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

function jsonType(t: LogicalType): Node {
  const body = jsonBody(t);
  return t.nullable ? { oneOf: [{ type: 'null' }, body] } : body;
}

function jsonBody(t: LogicalType): Node {
  const num = (connect: string): Node => ({ type: 'number', 'connect.type': connect });
  switch (t.kind) {
    case 'BOOLEAN': return { type: 'boolean' };
    case 'TINYINT': return num('int8');
    case 'SMALLINT': return num('int16');
    case 'INTEGER': return num('int32');
    case 'BIGINT': return num('int64');
    case 'FLOAT': return num('float32');
    case 'DOUBLE': return num('float64');
    case 'DECIMAL': return { type: 'number', title: 'org.apache.kafka.connect.data.Decimal', 'connect.type': 'bytes', 'connect.parameters': { scale: String(t.scale), 'connect.decimal.precision': String(t.precision) } };
    case 'CHAR': return { type: 'string', minLength: t.length, maxLength: t.length };
    case 'VARCHAR': return t.length === MAX_LENGTH ? { type: 'string' } : { type: 'string', maxLength: t.length };
    case 'BINARY': return { type: 'string', 'connect.type': 'bytes', 'flink.minLength': t.length, 'flink.maxLength': t.length };
    case 'VARBINARY': return t.length === MAX_LENGTH ? { type: 'string', 'connect.type': 'bytes' } : { type: 'string', 'connect.type': 'bytes', 'flink.maxLength': t.length };
    case 'DATE': return { type: 'number', 'connect.type': 'int32', title: 'org.apache.kafka.connect.data.Date' };
    case 'TIME': return { type: 'number', 'connect.type': 'int32', title: 'org.apache.kafka.connect.data.Time' };
    case 'TIMESTAMP': return { type: 'number', 'connect.type': 'int64', title: 'org.apache.kafka.connect.data.Timestamp', 'flink.type': 'timestamp' };
    case 'TIMESTAMP_LTZ': return { type: 'number', 'connect.type': 'int64', title: 'org.apache.kafka.connect.data.Timestamp' };
    case 'ARRAY': return { type: 'array', items: jsonType(t.element) };
    case 'MAP':
      if (t.key.kind === 'VARCHAR' || t.key.kind === 'CHAR') return { type: 'object', 'connect.type': 'map', additionalProperties: jsonType(t.value) };
      return { type: 'array', 'connect.type': 'map', items: { type: 'object', properties: { key: jsonType(t.key), value: jsonType(t.value) } } };
    case 'MULTISET': return { type: 'object', 'connect.type': 'map', 'flink.type': 'multiset', additionalProperties: { type: 'number', 'connect.type': 'int32' } };
    case 'ROW': return objectOf(t.fields.map((f) => (f.description === undefined ? f : { name: f.name, type: f.type, comment: f.description })));
    case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME': case 'NULL':
      throw new UnsupportedTypeError(`Type ${t.kind} is not supported by the 'json-registry' format.`);
    default: return assertNever(t, 'logical type');
  }
}
