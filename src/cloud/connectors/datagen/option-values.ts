/**
 * Turns the JSON values of an `options` list into Avro datums of the annotated schema, checking
 * each like the generator does ("Invalid option for ... schema"): strings become bytes/fixed,
 * records are built from their fields (missing fields take the field default), unions take the
 * first branch the value fits.
 */
import { DatagenSchemaError } from './datagen-schema-error.js';
import { isJsonObject } from './avro-schema-model.js';
import type { SchemaModel } from './avro-schema-model.js';
import type { AvroDatum, JsonValue } from './types.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** The datums of an options list; throws DatagenSchemaError on an empty list or an invalid option. */
export function optionValues(schema: SchemaModel, options: JsonValue): AvroDatum[] {
  if (isJsonObject(options)) throw new DatagenSchemaError('options given as a file are not supported; list the options inline');
  if (!Array.isArray(options)) throw new DatagenSchemaError('options prop must be an array or an object');
  const list = options as readonly JsonValue[];
  if (list.length === 0) throw new DatagenSchemaError('options property cannot be empty');
  return list.map((o) => {
    const d = toDatum(schema, o);
    if (d === INVALID) throw new DatagenSchemaError(`Invalid option for ${typeName(schema)} schema: value '${JSON.stringify(o)}'`);
    return d;
  });
}

const INVALID: unique symbol = Symbol('invalid');

/** The datum for `v` under `schema`, or INVALID. */
function toDatum(schema: SchemaModel, v: JsonValue): AvroDatum | typeof INVALID {
  switch (schema.kind) {
    case 'primitive':
      switch (schema.type) {
        case 'null': return v === null ? null : INVALID;
        case 'boolean': return typeof v === 'boolean' ? v : INVALID;
        case 'int': return typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX ? v : INVALID;
        case 'long': return typeof v === 'number' && Number.isInteger(v) ? v : INVALID;
        case 'float': return typeof v === 'number' ? Math.fround(v) : INVALID;
        case 'double': return typeof v === 'number' ? v : INVALID;
        case 'bytes': return typeof v === 'string' ? Buffer.from(v, 'utf8') : INVALID;
        case 'string': return typeof v === 'string' ? v : INVALID;
      }
      return INVALID;
    case 'enum': return typeof v === 'string' && schema.symbols.includes(v) ? v : INVALID;
    case 'fixed': {
      if (typeof v !== 'string') return INVALID;
      const b = Buffer.from(v, 'utf8');
      return b.length === schema.size ? b : INVALID;
    }
    case 'array': {
      if (!Array.isArray(v)) return INVALID;
      const out: AvroDatum[] = [];
      for (const item of v as readonly JsonValue[]) {
        const d = toDatum(schema.items, item);
        if (d === INVALID) return INVALID;
        out.push(d);
      }
      return out;
    }
    case 'map': {
      if (!isJsonObject(v)) return INVALID;
      const out: Record<string, AvroDatum> = {};
      for (const [k, item] of Object.entries(v)) {
        const d = toDatum(schema.values, item);
        if (d === INVALID) return INVALID;
        out[k] = d;
      }
      return out;
    }
    case 'record': {
      if (!isJsonObject(v)) return INVALID;
      const out: Record<string, AvroDatum> = {};
      for (const f of schema.fields) {
        const given = Object.hasOwn(v, f.name) ? v[f.name] : f.hasDefault ? f.default : undefined;
        if (given === undefined) return INVALID;
        const d = toDatum(f.type, given);
        if (d === INVALID) return INVALID;
        out[f.name] = d;
      }
      return out;
    }
    case 'union':
      for (const b of schema.branches) {
        const d = toDatum(b, v);
        if (d !== INVALID) return d;
      }
      return INVALID;
  }
}

function typeName(schema: SchemaModel): string {
  return schema.kind === 'primitive' ? schema.type : schema.kind;
}
