/**
 * Flink → Protobuf for `proto-registry` subjects (reference §9.1): one proto3 message `Row` in
 * package `io.confluent.flink.generated` (our choice: Confluent's names are not documented),
 * nullable scalars `optional`, rows as nested messages named after their field, ARRAY as
 * `repeated`, MAP as `map<,>` where the key allows it. Temporal types use google.type / protobuf
 * well-known messages.
 */
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import type { SchemaField } from './flink-to-avro.js';
import { UnsupportedTypeError } from './flink-to-avro.js';

/** The .proto text of a record with these fields. */
export function protobufRecordSchema(fields: readonly SchemaField[]): string {
  const imports = new Set<string>();
  const body = message('Row', fields, imports, '');
  const head = ['syntax = "proto3";', 'package io.confluent.flink.generated;', ''];
  for (const i of [...imports].sort()) head.push(`import "${i}";`);
  if (imports.size > 0) head.push('');
  return `${head.join('\n')}\n${body}\n`;
}

function message(name: string, fields: readonly SchemaField[], imports: Set<string>, indent: string): string {
  const lines = [`${indent}message ${name} {`];
  fields.forEach((f, i) => {
    const { decl, nested } = fieldDecl(f, imports, `${indent}  `);
    if (nested !== undefined) lines.push(nested);
    lines.push(`${indent}  ${decl} ${f.name} = ${i + 1};`);
  });
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function fieldDecl(f: SchemaField, imports: Set<string>, indent: string): { decl: string; nested?: string } {
  const t = f.type;
  if (t.kind === 'ROW') {
    const name = `${f.name.charAt(0).toUpperCase()}${f.name.slice(1)}Row`;
    return { decl: name, nested: message(name, t.fields, imports, indent) };
  }
  if (t.kind === 'ARRAY') {
    const inner = fieldDecl({ name: f.name, type: t.element }, imports, indent);
    return { decl: `repeated ${inner.decl.replace(/^optional /, '')}`, ...(inner.nested === undefined ? {} : { nested: inner.nested }) };
  }
  if (t.kind === 'MAP' && (t.key.kind === 'VARCHAR' || t.key.kind === 'INTEGER' || t.key.kind === 'BIGINT' || t.key.kind === 'BOOLEAN')) {
    return { decl: `map<${scalar(t.key, imports)}, ${scalar(t.value, imports)}>` };
  }
  const s = scalar(t, imports);
  const isMessage = s.includes('.');
  return { decl: t.nullable && !isMessage ? `optional ${s}` : s };
}

function scalar(t: LogicalType, imports: Set<string>): string {
  switch (t.kind) {
    case 'BOOLEAN': return 'bool';
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': return 'int32';
    case 'BIGINT': return 'int64';
    case 'FLOAT': return 'float';
    case 'DOUBLE': return 'double';
    case 'CHAR': case 'VARCHAR': return 'string';
    case 'BINARY': case 'VARBINARY': return 'bytes';
    case 'DECIMAL': imports.add('confluent/type/decimal.proto'); return 'confluent.type.Decimal';
    case 'DATE': imports.add('google/type/date.proto'); return 'google.type.Date';
    case 'TIME': imports.add('google/type/timeofday.proto'); return 'google.type.TimeOfDay';
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': imports.add('google/protobuf/timestamp.proto'); return 'google.protobuf.Timestamp';
    case 'ARRAY': case 'MAP': case 'MULTISET': case 'ROW': case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME': case 'NULL':
      throw new UnsupportedTypeError(`Type ${t.kind} is not supported here by the 'proto-registry' format.`);
    default: return assertNever(t, 'logical type');
  }
}
