/**
 * JSON Schema → Flink types for inferred tables (reference §9.2), reading back the `connect.type`,
 * `title` and `flink.*` annotations Flink writes (§9.1). Local `$ref`s (`#/definitions/…`,
 * `#/$defs/…`) are followed; properties are nullable unless `required`.
 */
import type { LogicalType, RowField } from '../types/index.js';
import {
  arrayType, bigintType, booleanType, bytesType, dateType, decimalType, doubleType, floatType, intType, mapType, rowType,
  smallintType, stringType, timestampLtzType, timestampType, timeType, tinyintType, varcharType, withNullable,
} from '../types/index.js';
import type { SchemaShape } from './types.js';

type Node = Readonly<Record<string, unknown>>;
const NN = { nullable: false } as const;
const MAX_DEPTH = 32;

/** Maps a JSON Schema document to a record or atomic shape. */
export function jsonSchemaShape(doc: unknown): SchemaShape {
  const root = isNode(doc) ? doc : {};
  const resolved = deref(root, root);
  if (typeOf(resolved) === 'object' && isNode(resolved['properties'])) {
    const t = objectType(resolved, root, 0);
    return { kind: 'record', fields: t.fields.map((f) => (f.description === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, comment: f.description })) };
  }
  return { kind: 'atomic', type: jsonType(root, root, 0) };
}

function jsonType(raw: unknown, root: Node, depth: number): LogicalType {
  if (depth > MAX_DEPTH) return stringType();
  const n = deref(isNode(raw) ? raw : {}, root);
  for (const combo of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = n[combo];
    if (!Array.isArray(list)) continue;
    const nonNull = list.filter((b) => !(isNode(b) && b['type'] === 'null'));
    const hasNull = nonNull.length < list.length;
    if (nonNull.length === 1) return withNullable(jsonType(nonNull[0], root, depth + 1), hasNull);
    return rowType(nonNull.map((b, i): RowField => ({ name: `connect_union_field_${i}`, type: withNullable(jsonType(b, root, depth + 1), true) })), { nullable: hasNull });
  }
  const connect = n['connect.type'];
  const title = typeof n['title'] === 'string' ? n['title'] : '';
  const t = typeOf(n);
  const nullable = Array.isArray(n['type']) && n['type'].includes('null');
  const base = ((): LogicalType => {
    switch (t) {
      case 'boolean': return booleanType(NN);
      case 'integer': return bigintType(NN);
      case 'number':
        if (title === 'org.apache.kafka.connect.data.Decimal') return decimalType(38, scaleOf(n), NN);
        if (title === 'org.apache.kafka.connect.data.Date') return dateType(NN);
        if (title === 'org.apache.kafka.connect.data.Time') return timeType(3, NN);
        if (title === 'org.apache.kafka.connect.data.Timestamp') return n['flink.type'] === 'timestamp' ? timestampType(3, NN) : timestampLtzType(3, NN);
        switch (connect) {
          case 'int8': return tinyintType(NN);
          case 'int16': return smallintType(NN);
          case 'int32': return intType(NN);
          case 'int64': return bigintType(NN);
          case 'float32': return floatType(NN);
          default: return doubleType(NN);
        }
      case 'string':
        if (connect === 'bytes') return bytesType(NN);
        return typeof n['maxLength'] === 'number' ? varcharType(n['maxLength'], NN) : stringType(NN);
      case 'array': {
        if (connect === 'map' && isNode(n['items'])) {
          const props = isNode(n['items']['properties']) ? n['items']['properties'] : {};
          return mapType(jsonType(props['key'], root, depth + 1), jsonType(props['value'], root, depth + 1), NN);
        }
        return arrayType(jsonType(n['items'], root, depth + 1), NN);
      }
      case 'object':
        if (isNode(n['additionalProperties']) && !isNode(n['properties'])) return mapType(stringType(NN), jsonType(n['additionalProperties'], root, depth + 1), NN);
        return objectType(n, root, depth + 1);
      default:
        return Array.isArray(n['enum']) ? stringType(NN) : stringType(NN);
    }
  })();
  return nullable ? withNullable(base, true) : base;
}

function objectType(n: Node, root: Node, depth: number): LogicalType & { kind: 'ROW'; fields: readonly RowField[] } {
  const props = isNode(n['properties']) ? n['properties'] : {};
  const required = new Set(Array.isArray(n['required']) ? n['required'].filter((r): r is string => typeof r === 'string') : []);
  const fields = Object.keys(props).map((name): RowField => {
    const p = props[name];
    const t = jsonType(p, root, depth + 1);
    const type = required.has(name) ? t : withNullable(t, true);
    const desc = isNode(p) && typeof p['description'] === 'string' ? p['description'] : undefined;
    return desc === undefined ? { name, type } : { name, type, description: desc };
  });
  return { ...rowType(fields, NN), kind: 'ROW', fields };
}

function typeOf(n: Node): string | undefined {
  const t = n['type'];
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x): x is string => typeof x === 'string' && x !== 'null');
  if (isNode(n['properties'])) return 'object';
  return undefined;
}

function deref(n: Node, root: Node): Node {
  let cur = n;
  for (let i = 0; i < MAX_DEPTH && typeof cur['$ref'] === 'string'; i++) {
    const ref = cur['$ref'];
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const part of ref.slice(1).split('/').filter((p) => p !== '')) {
      target = isNode(target) ? target[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))] : undefined;
    }
    cur = isNode(target) ? target : {};
  }
  return cur;
}

function scaleOf(n: Node): number {
  const params = n['connect.parameters'];
  const s = isNode(params) ? Number(params['scale']) : NaN;
  return Number.isInteger(s) ? s : 0;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
