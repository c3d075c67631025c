/**
 * Avro → Flink types for inferred tables (reference §9.2), also reading back the `connect.type`
 * and `flink.*` properties Flink itself writes (§9.1) so created tables round-trip.
 */
import type { LogicalType, RowField } from '../types/index.js';
import {
  arrayType, bigintType, binaryType, booleanType, bytesType, charType, dateType, decimalType, doubleType, floatType, intType,
  mapType, rowType, smallintType, stringType, timestampLtzType, timestampType, timeType, tinyintType, varbinaryType, varcharType,
  withNullable,
} from '../types/index.js';
import type { SchemaShape } from './types.js';

type Json = unknown;
type Named = Map<string, Json>;
const NN = { nullable: false } as const;

/** Maps an Avro schema (its JSON) to a record or atomic shape; unknown named types become BYTES. */
export function avroShape(schema: Json): SchemaShape {
  const named: Named = new Map();
  const t = avroType(schema, named, '');
  if (isObject(schema) && schema['type'] === 'record' && t.kind === 'ROW') {
    return { kind: 'record', fields: t.fields.map((f) => (f.description === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, comment: f.description })) };
  }
  return { kind: 'atomic', type: t };
}

function avroType(s: Json, named: Named, ns: string): LogicalType {
  if (typeof s === 'string') return primitiveOrNamed(s, {}, named, ns);
  if (Array.isArray(s)) return unionType(s, named, ns);
  if (!isObject(s)) return bytesType(NN);
  const type = s['type'];
  if (Array.isArray(type) || isObject(type)) return avroType(type, named, ns);
  const logical = typeof s['logicalType'] === 'string' ? s['logicalType'] : undefined;
  switch (type) {
    case 'record': case 'error': {
      const full = register(s, named, ns);
      const inner = namespaceOf(full);
      const fields = Array.isArray(s['fields']) ? s['fields'] : [];
      // Flink types cannot be recursive: a record reached again inside itself becomes BYTES.
      named.set(expanding(full), true);
      const row = rowType(fields.filter(isObject).map((f): RowField => {
        const ft = avroType(f['type'], named, inner);
        const name = String(f['name']);
        return typeof f['doc'] === 'string' ? { name, type: ft, description: f['doc'] } : { name, type: ft };
      }), NN);
      named.delete(expanding(full));
      return row;
    }
    case 'enum': register(s, named, ns); return stringType(NN);
    case 'fixed': {
      register(s, named, ns);
      const size = typeof s['size'] === 'number' ? s['size'] : 1;
      if (logical === 'decimal') return decimalOf(s);
      if (logical === 'duration') return binaryType(12, NN);
      return binaryType(size, NN);
    }
    case 'array': {
      const items = s['items'];
      const entry = mapEntry(items, named, ns);
      return entry ?? arrayType(avroType(items, named, ns), NN);
    }
    case 'map': return mapType(stringType(NN), avroType(s['values'], named, ns), NN);
    default: return typeof type === 'string' ? primitiveOrNamed(type, s, named, ns) : bytesType(NN);
  }
}

function primitiveOrNamed(name: string, props: Readonly<Record<string, Json>>, named: Named, ns: string): LogicalType {
  const logical = props['logicalType'];
  const connect = props['connect.type'];
  const precision = typeof props['flink.precision'] === 'number' ? props['flink.precision'] : undefined;
  switch (name) {
    case 'null': return { kind: 'NULL', nullable: true };
    case 'boolean': return booleanType(NN);
    case 'int':
      if (logical === 'date') return dateType(NN);
      if (logical === 'time-millis') return timeType(Math.min(precision ?? 3, 3), NN);
      if (connect === 'int8') return tinyintType(NN);
      if (connect === 'int16') return smallintType(NN);
      return intType(NN);
    case 'long':
      if (logical === 'timestamp-millis') return timestampLtzType(precision ?? 3, NN);
      if (logical === 'timestamp-micros') return timestampLtzType(precision ?? 6, NN);
      if (logical === 'local-timestamp-millis') return timestampType(precision ?? 3, NN);
      if (logical === 'local-timestamp-micros') return timestampType(precision ?? 6, NN);
      return bigintType(NN);
    case 'float': return floatType(NN);
    case 'double': return doubleType(NN);
    case 'bytes':
      if (logical === 'decimal') return decimalOf(props);
      return typeof props['flink.maxLength'] === 'number' ? varbinaryType(props['flink.maxLength'], NN) : bytesType(NN);
    case 'string': {
      const max = props['flink.maxLength'];
      const min = props['flink.minLength'];
      if (typeof max === 'number' && max === min) return charType(max, NN);
      return typeof max === 'number' ? varcharType(max, NN) : stringType(NN);
    }
    default: {
      const full = name.includes('.') || ns === '' ? name : `${ns}.${name}`;
      const key = named.has(full) ? full : name;
      const def = named.get(key);
      return def === undefined || named.has(expanding(key)) ? bytesType(NN) : avroType(def, named, namespaceOf(key));
    }
  }
}

/** `[null, T]` → nullable T; any other union → ROW with one nullable field per non-null branch. */
function unionType(branches: readonly Json[], named: Named, ns: string): LogicalType {
  const nonNull = branches.filter((b) => b !== 'null' && !(isObject(b) && b['type'] === 'null'));
  const hasNull = nonNull.length < branches.length;
  if (nonNull.length === 1) return withNullable(avroType(nonNull[0], named, ns), hasNull || false);
  const fields = nonNull.map((b): RowField => ({ name: branchName(b, ns), type: withNullable(avroType(b, named, ns), true) }));
  return rowType(fields, { nullable: hasNull });
}

function branchName(b: Json, ns: string): string {
  if (typeof b === 'string') return b.includes('.') || ns === '' || isPrimitive(b) ? b : `${ns}.${b}`;
  if (!isObject(b)) return 'branch';
  const t = b['type'];
  if ((t === 'record' || t === 'enum' || t === 'fixed') && typeof b['name'] === 'string') return fullName(b, ns);
  return typeof t === 'string' ? t : 'branch';
}

/** Confluent Connect writes non-string maps as arrays of `MapEntry{key, value}` records. */
function mapEntry(items: Json, named: Named, ns: string): LogicalType | undefined {
  if (!isObject(items) || items['type'] !== 'record' || typeof items['name'] !== 'string' || !items['name'].endsWith('MapEntry')) return undefined;
  const fields = Array.isArray(items['fields']) ? items['fields'].filter(isObject) : [];
  const k = fields.find((f) => f['name'] === 'key');
  const v = fields.find((f) => f['name'] === 'value');
  if (k === undefined || v === undefined || fields.length !== 2) return undefined;
  register(items, named, ns);
  return mapType(avroType(k['type'], named, ns), avroType(v['type'], named, ns), NN);
}

function decimalOf(props: Readonly<Record<string, Json>>): LogicalType {
  const p = typeof props['precision'] === 'number' ? props['precision'] : 10;
  const s = typeof props['scale'] === 'number' ? props['scale'] : 0;
  return decimalType(p, s, NN);
}

function register(s: Readonly<Record<string, Json>>, named: Named, ns: string): string {
  const full = fullName(s, ns);
  named.set(full, s);
  return full;
}

function fullName(s: Readonly<Record<string, Json>>, ns: string): string {
  const name = String(s['name'] ?? '');
  if (name.includes('.')) return name;
  const space = typeof s['namespace'] === 'string' ? s['namespace'] : ns;
  return space === '' ? name : `${space}.${name}`;
}

function expanding(full: string): string {
  return `\u0000${full}`;
}

function namespaceOf(full: string): string {
  const i = full.lastIndexOf('.');
  return i < 0 ? '' : full.slice(0, i);
}

function isPrimitive(s: string): boolean {
  return ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'].includes(s);
}

function isObject(v: Json): v is Readonly<Record<string, Json>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
