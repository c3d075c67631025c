/**
 * Protobuf → Flink types for inferred tables (reference §9.2): proto3 scalars are NOT NULL,
 * `optional` scalars and wrapper messages nullable, messages nullable ROWs, `repeated` a NOT NULL
 * ARRAY, `map<K,V>` a NOT NULL MAP, a `oneof` one nullable ROW named after it. The first message of
 * the file is the record (Confluent's default message index [0]).
 */
import protobuf from 'protobufjs';
import type { LogicalType, RowField } from '../types/index.js';
import {
  arrayType, bigintType, booleanType, bytesType, dateType, decimalType, doubleType, floatType, intType, mapType, rowType,
  stringType, timestampLtzType, timeType, withNullable,
} from '../types/index.js';
import type { SchemaShape } from './types.js';

const NN = { nullable: false } as const;
const MAX_DEPTH = 32;

const WRAPPERS: Readonly<Record<string, () => LogicalType>> = {
  'google.protobuf.Int64Value': () => bigintType(), 'google.protobuf.UInt64Value': () => bigintType(),
  'google.protobuf.UInt32Value': () => bigintType(), 'google.protobuf.Int32Value': () => intType(),
  'google.protobuf.BoolValue': () => booleanType(), 'google.protobuf.DoubleValue': () => doubleType(),
  'google.protobuf.FloatValue': () => floatType(), 'google.protobuf.BytesValue': () => bytesType(),
  'google.protobuf.StringValue': () => stringType(),
  'google.protobuf.Timestamp': () => timestampLtzType(9), 'google.type.Date': () => dateType(),
  'google.type.TimeOfDay': () => timeType(3), 'confluent.type.Decimal': () => decimalType(38, 0),
};

/** Maps the first message type of a parsed .proto file to a record shape. */
export function protobufShape(message: protobuf.Type): SchemaShape {
  const row = messageRow(message, 0);
  return { kind: 'record', fields: row.fields.map((f) => (f.description === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, comment: f.description })) };
}

function messageRow(message: protobuf.Type, depth: number): { readonly fields: readonly RowField[] } {
  const fields: RowField[] = [];
  const doneOneofs = new Set<string>();
  for (const field of message.fieldsArray) {
    const oneof = field.partOf;
    if (oneof !== null && !isSyntheticOneof(oneof)) {
      if (doneOneofs.has(oneof.name)) continue;
      doneOneofs.add(oneof.name);
      const members = oneof.fieldsArray.map((f): RowField => ({ name: f.name, type: withNullable(fieldType(f, depth + 1), true) }));
      fields.push({ name: oneof.name, type: rowType(members) });
      continue;
    }
    const t = fieldType(field, depth + 1);
    const optional = oneof !== null && isSyntheticOneof(oneof);
    const type = optional ? withNullable(t, true) : t;
    fields.push(field.comment ? { name: field.name, type, description: field.comment } : { name: field.name, type });
  }
  return { fields };
}

function fieldType(field: protobuf.FieldBase, depth: number): LogicalType {
  resolve(field);
  if (field instanceof protobuf.MapField) {
    return mapType(scalarType(field.keyType) ?? stringType(NN), elementType(field, depth), NN);
  }
  const single = elementType(field, depth);
  if (!field.repeated) return single;
  // Repeated: message elements stay nullable, primitive elements NOT NULL.
  return arrayType(single, NN);
}

function elementType(field: protobuf.FieldBase, depth: number): LogicalType {
  const scalar = scalarType(field.type);
  if (scalar !== undefined) return scalar;
  const rt = field.resolvedType;
  if (rt instanceof protobuf.Enum) return stringType(NN);
  if (rt instanceof protobuf.Type) {
    const full = rt.fullName.replace(/^\./, '');
    const known = WRAPPERS[full];
    if (known !== undefined) return known();
    if (depth > MAX_DEPTH) return bytesType();
    return rowType(messageRow(rt, depth + 1).fields);
  }
  return bytesType();
}

function scalarType(t: string): LogicalType | undefined {
  switch (t) {
    case 'double': return doubleType(NN);
    case 'float': return floatType(NN);
    case 'int32': case 'sint32': case 'sfixed32': return intType(NN);
    case 'int64': case 'sint64': case 'sfixed64': case 'uint32': case 'uint64': case 'fixed32': case 'fixed64': return bigintType(NN);
    case 'bool': return booleanType(NN);
    case 'string': return stringType(NN);
    case 'bytes': return bytesType(NN);
    default: return undefined;
  }
}

/** proto3 `optional` is compiled into a one-field oneof named `_<field>`. */
function isSyntheticOneof(o: protobuf.OneOf): boolean {
  return o.name.startsWith('_') && o.fieldsArray.length === 1;
}

function resolve(field: protobuf.FieldBase): void {
  if (field.resolvedType !== null || scalarType(field.type) !== undefined) return;
  try {
    field.resolve();
  } catch {
    // An unresolvable import leaves resolvedType null; the field then maps to BYTES.
  }
}
