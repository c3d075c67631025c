/**
 * The value schema the connector registers, per output format. The real connector converts the
 * generated Avro record to a Connect struct and lets the format's converter register the
 * Connect-derived schema under `<topic>-value`; so here, from the resolved model (annotations gone):
 * - AVRO: the Avro record as Connect's AvroData writes it back: `connect.name` on records, Connect
 *   logical names on timestamp-millis / date / time-millis / decimal, no `arg.properties`;
 * - JSON_SR: a JSON Schema object per record (`title` = full name, `connect.index`/`connect.type`);
 * - PROTOBUF: a proto3 file whose first message is the record, fields numbered in order, logical
 *   types as Connect maps them (google.protobuf.Timestamp, google.type.Date, confluent.type.Decimal);
 * - JSON: nothing is registered.
 */
import type { SchemaModel } from './avro-schema-model.js';
import { DatagenSchemaError } from './datagen-schema-error.js';
import type { JsonObject, JsonValue, OutputDataFormat } from './types.js';
import type { SchemaType } from '../../schema-registry/index.js';

/** A schema to register: SR schema type and text. */
export interface RegisteredSchema {
  readonly schemaType: SchemaType;
  readonly schema: string;
}

/** The schema registered for `format` (undefined for plain JSON). */
export function registeredValueSchema(model: SchemaModel, format: OutputDataFormat): RegisteredSchema | undefined {
  switch (format) {
    case 'AVRO': return { schemaType: 'AVRO', schema: JSON.stringify(connectAvroSchema(model)) };
    case 'JSON_SR': return { schemaType: 'JSON', schema: JSON.stringify(jsonSchema(model)) };
    case 'PROTOBUF': return { schemaType: 'PROTOBUF', schema: protobufSchema(model) };
    case 'JSON': return undefined;
  }
}

const CONNECT_LOGICAL: { readonly [logicalType: string]: string } = {
  'timestamp-millis': 'org.apache.kafka.connect.data.Timestamp',
  'date': 'org.apache.kafka.connect.data.Date',
  'time-millis': 'org.apache.kafka.connect.data.Time',
  'decimal': 'org.apache.kafka.connect.data.Decimal',
};

/** The Avro schema as Connect's AvroData renders the generated record's schema. */
export function connectAvroSchema(model: SchemaModel): JsonValue {
  const defined = new Set<string>();
  const render = (s: SchemaModel): JsonValue => {
    switch (s.kind) {
      case 'primitive': {
        if (s.logicalType === undefined || CONNECT_LOGICAL[s.logicalType] === undefined) return s.type;
        const out: Record<string, JsonValue> = { type: s.type };
        if (s.logicalType === 'decimal') {
          out['scale'] = s.scale ?? 0;
          out['precision'] = s.precision ?? 1;
          out['connect.version'] = 1;
          out['connect.parameters'] = { scale: String(s.scale ?? 0), 'connect.decimal.precision': String(s.precision ?? 1) };
        } else {
          out['connect.version'] = 1;
        }
        out['connect.name'] = CONNECT_LOGICAL[s.logicalType] ?? '';
        out['logicalType'] = s.logicalType;
        return out;
      }
      case 'record': {
        if (defined.has(s.fullName)) return s.fullName;
        defined.add(s.fullName);
        const out: Record<string, JsonValue> = { type: 'record', name: s.name };
        if (s.namespace !== '') out['namespace'] = s.namespace;
        out['fields'] = s.fields.map((f) => (f.hasDefault ? { name: f.name, type: render(f.type), default: f.default ?? null } : { name: f.name, type: render(f.type) }));
        out['connect.name'] = s.fullName;
        return out;
      }
      case 'enum': {
        if (defined.has(s.fullName)) return s.fullName;
        defined.add(s.fullName);
        return { type: 'enum', ...splitName(s.fullName), symbols: [...s.symbols] };
      }
      case 'fixed': {
        if (defined.has(s.fullName)) return s.fullName;
        defined.add(s.fullName);
        return { type: 'fixed', ...splitName(s.fullName), size: s.size };
      }
      case 'array': return { type: 'array', items: render(s.items) };
      case 'map': return { type: 'map', values: render(s.values) };
      case 'union': return s.branches.map(render);
    }
  };
  return render(model);
}

function splitName(fullName: string): { name: string; namespace?: string } {
  const dot = fullName.lastIndexOf('.');
  return dot === -1 ? { name: fullName } : { name: fullName.slice(dot + 1), namespace: fullName.slice(0, dot) };
}

/** A JSON Schema (draft-07) for the record, in the style of Connect's JSON Schema converter. */
export function jsonSchema(model: SchemaModel): JsonObject {
  const render = (s: SchemaModel, seen: ReadonlySet<string>): Record<string, JsonValue> => {
    switch (s.kind) {
      case 'primitive': {
        const connectName = s.logicalType === undefined ? undefined : CONNECT_LOGICAL[s.logicalType];
        const base: Record<string, JsonValue> = (() => {
          switch (s.type) {
            case 'null': return { type: 'null' };
            case 'boolean': return { type: 'boolean' };
            case 'int': return { type: 'integer', 'connect.type': 'int32' };
            case 'long': return { type: 'integer', 'connect.type': 'int64' };
            case 'float': return { type: 'number', 'connect.type': 'float32' };
            case 'double': return { type: 'number', 'connect.type': 'float64' };
            case 'bytes': return s.logicalType === 'decimal' ? { type: 'number', 'connect.type': 'bytes' } : { type: 'string', 'connect.type': 'bytes' };
            case 'string': return { type: 'string' };
          }
        })();
        if (connectName !== undefined) {
          base['title'] = connectName;
          base['connect.version'] = 1;
          if (s.logicalType === 'decimal') base['connect.parameters'] = { scale: String(s.scale ?? 0) };
        }
        return base;
      }
      case 'record': {
        if (seen.has(s.fullName)) throw new DatagenSchemaError(`recursive record ${s.fullName} cannot be written as JSON Schema`);
        const inner = new Set(seen).add(s.fullName);
        const properties: Record<string, JsonValue> = {};
        s.fields.forEach((f, i) => { properties[f.name] = { ...render(f.type, inner), 'connect.index': i }; });
        const required = s.fields.filter((f) => !isNullable(f.type)).map((f) => f.name);
        return { type: 'object', title: s.fullName, properties, required };
      }
      case 'enum': return { type: 'string', enum: [...s.symbols], title: s.fullName };
      case 'fixed': return { type: 'string', 'connect.type': 'bytes' };
      case 'array': return { type: 'array', items: render(s.items, seen) };
      case 'map': return { type: 'object', additionalProperties: render(s.values, seen), 'connect.type': 'map' };
      case 'union': return { oneOf: s.branches.map((b) => render(b, seen)) };
    }
  };
  return render(model, new Set());
}

function isNullable(s: SchemaModel): boolean {
  return s.kind === 'union' && s.branches.some((b) => b.kind === 'primitive' && b.type === 'null');
}

/** Connect's Protobuf types for Avro logical types (well-known and Confluent types the registry resolves). */
const PROTO_LOGICAL: { readonly [logicalType: string]: { readonly file: string; readonly type: string } } = {
  'timestamp-millis': { file: 'google/protobuf/timestamp.proto', type: 'google.protobuf.Timestamp' },
  'date': { file: 'google/type/date.proto', type: 'google.type.Date' },
  'time-millis': { file: 'google/type/timeofday.proto', type: 'google.type.TimeOfDay' },
  'decimal': { file: 'confluent/type/decimal.proto', type: 'confluent.type.Decimal' },
};

/** A proto3 file: the record first, then every nested record/enum as a top-level message/enum. */
export function protobufSchema(model: SchemaModel): string {
  if (model.kind !== 'record') throw new DatagenSchemaError('the value schema must be a record');
  const blocks: string[] = [];
  const imports = new Set<string>();
  const names = new Map<string, string>();
  const queue: SchemaModel[] = [];
  const nameOf = (s: SchemaModel & { readonly fullName: string }): string => {
    let n = names.get(s.fullName);
    if (n === undefined) {
      const simple = splitName(s.fullName).name;
      n = [...names.values()].includes(simple) ? `${simple}_${names.size}` : simple;
      names.set(s.fullName, n);
      queue.push(s);
    }
    return n;
  };
  const typeOf = (s: SchemaModel, where: string): { repeated: boolean; type: string } => {
    switch (s.kind) {
      case 'primitive': {
        const wellKnown = s.logicalType === undefined ? undefined : PROTO_LOGICAL[s.logicalType];
        if (wellKnown !== undefined && (s.type !== 'bytes' || s.logicalType === 'decimal')) {
          imports.add(wellKnown.file);
          return { repeated: false, type: wellKnown.type };
        }
        switch (s.type) {
          case 'boolean': return { repeated: false, type: 'bool' };
          case 'int': return { repeated: false, type: 'int32' };
          case 'long': return { repeated: false, type: 'int64' };
          case 'float': return { repeated: false, type: 'float' };
          case 'double': return { repeated: false, type: 'double' };
          case 'string': return { repeated: false, type: 'string' };
          case 'bytes': return { repeated: false, type: 'bytes' };
          case 'null': throw new DatagenSchemaError(`PROTOBUF output cannot represent the null type of ${where}`);
        }
        break;
      }
      case 'fixed': return { repeated: false, type: 'bytes' };
      case 'record': case 'enum': return { repeated: false, type: nameOf(s) };
      case 'array': {
        const inner = typeOf(s.items, where);
        if (inner.repeated || inner.type.startsWith('map<')) throw new DatagenSchemaError(`PROTOBUF output cannot represent nested collections in ${where}`);
        return { repeated: true, type: inner.type };
      }
      case 'map': {
        const inner = typeOf(s.values, where);
        if (inner.repeated || inner.type.startsWith('map<')) throw new DatagenSchemaError(`PROTOBUF output cannot represent nested collections in ${where}`);
        return { repeated: false, type: `map<string, ${inner.type}>` };
      }
      case 'union': {
        const rest = s.branches.filter((b) => !(b.kind === 'primitive' && b.type === 'null'));
        const only = rest[0];
        if (rest.length !== 1 || only === undefined) throw new DatagenSchemaError(`PROTOBUF output supports only nullable unions (["null", T]); ${where} has ${s.branches.length} branches`);
        return typeOf(only, where);
      }
    }
    throw new DatagenSchemaError(`unsupported type in ${where}`);
  };
  nameOf(model);
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    if (s.kind === 'record') {
      const owner = s.fullName;
      const lines = s.fields.map((f, i) => {
        const t = typeOf(f.type, `${owner}.${f.name}`);
        return `  ${t.repeated ? 'repeated ' : ''}${t.type} ${f.name} = ${i + 1};`;
      });
      blocks.push(`message ${nameOf(s)} {\n${lines.join('\n')}\n}`);
    } else if (s.kind === 'enum') {
      blocks.push(`enum ${nameOf(s)} {\n${s.symbols.map((sym, i) => `  ${sym} = ${i};`).join('\n')}\n}`);
    }
  }
  const head = ['syntax = "proto3";'];
  if (model.namespace !== '') head.push(`package ${model.namespace};`);
  const importLines = [...imports].sort().map((f) => `import "${f}";`);
  return `${head.join('\n')}\n\n${importLines.length > 0 ? `${importLines.join('\n')}\n\n` : ''}${blocks.join('\n\n')}\n`;
}
