/**
 * The Avro schema as the generator sees it: names resolved (namespaces, references to earlier
 * named types, recursion), each node carrying its `arg.properties` map. Parsed once from the
 * schema JSON; named types referenced twice are the same object, so their options, iteration
 * counters and regex caches are shared, as in the connector's generator.
 */
import { DatagenSchemaError } from './datagen-schema-error.js';
import type { JsonObject, JsonValue } from './types.js';

/** Avro primitive type names. */
export type PrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

const PRIMITIVES: ReadonlySet<string> = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** Logical-type details shared by primitives and fixed. */
export interface LogicalInfo {
  readonly logicalType?: string;
  readonly precision?: number;
  readonly scale?: number;
}

/** One field of a record; `args` is the field-level `arg.properties` (only `position` is honoured). */
export interface FieldModel {
  readonly name: string;
  readonly type: SchemaModel;
  readonly hasDefault: boolean;
  readonly default?: JsonValue;
  readonly args: JsonObject;
}

/** A resolved schema node. `props` is the node's `arg.properties` ({} when absent). */
export type SchemaModel =
  | ({ readonly kind: 'primitive'; readonly type: PrimitiveName; readonly props: JsonObject } & LogicalInfo)
  | { readonly kind: 'record'; readonly name: string; readonly namespace: string; readonly fullName: string; readonly fields: FieldModel[]; readonly props: JsonObject }
  | { readonly kind: 'enum'; readonly fullName: string; readonly symbols: readonly string[]; readonly props: JsonObject }
  | ({ readonly kind: 'fixed'; readonly fullName: string; readonly size: number; readonly props: JsonObject } & LogicalInfo)
  | { readonly kind: 'array'; readonly items: SchemaModel; readonly props: JsonObject }
  | { readonly kind: 'map'; readonly values: SchemaModel; readonly props: JsonObject }
  | { readonly kind: 'union'; readonly branches: readonly SchemaModel[]; readonly props: JsonObject };

/** True for a plain JSON object. */
export function isJsonObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses schema JSON into the model; throws DatagenSchemaError with the offending path. */
export function buildSchemaModel(json: JsonValue): SchemaModel {
  return new ModelBuilder().node(json, '', '/');
}

class ModelBuilder {
  readonly #named = new Map<string, SchemaModel>();

  node(json: JsonValue, ns: string, path: string): SchemaModel {
    if (typeof json === 'string') return this.#reference(json, ns, path, {});
    if (Array.isArray(json)) {
      const arr = json as readonly JsonValue[];
      if (arr.length === 0) fail(path, 'a union needs at least one branch');
      return { kind: 'union', branches: arr.map((b, i) => this.node(b, ns, `${path}${i}/`)), props: {} };
    }
    if (!isJsonObject(json)) fail(path, 'expected a type name, a union or an object');
    const props = argProperties(json, path);
    const t = json['type'];
    if (typeof t !== 'string') {
      if (t === undefined) fail(path, "missing 'type'");
      return this.node(t, ns, `${path}type/`);
    }
    switch (t) {
      case 'record': case 'error': return this.#record(json, ns, path, props);
      case 'enum': {
        const symbols = json['symbols'];
        if (!Array.isArray(symbols) || symbols.length === 0 || !symbols.every((s) => typeof s === 'string')) fail(path, "an enum needs a non-empty 'symbols' list of strings");
        return this.#define({ kind: 'enum', fullName: this.#fullName(json, ns, path), symbols: symbols as string[], props }, path);
      }
      case 'fixed': {
        const size = json['size'];
        if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) fail(path, "a fixed needs an integer 'size'");
        return this.#define({ kind: 'fixed', fullName: this.#fullName(json, ns, path), size, props, ...logical(json) }, path);
      }
      case 'array': {
        if (json['items'] === undefined) fail(path, "an array needs 'items'");
        return { kind: 'array', items: this.node(json['items'], ns, `${path}items/`), props };
      }
      case 'map': {
        if (json['values'] === undefined) fail(path, "a map needs 'values'");
        return { kind: 'map', values: this.node(json['values'], ns, `${path}values/`), props };
      }
      default: return this.#reference(t, ns, path, props, logical(json));
    }
  }

  #reference(name: string, ns: string, path: string, props: JsonObject, info: LogicalInfo = {}): SchemaModel {
    if (PRIMITIVES.has(name)) return { kind: 'primitive', type: name as PrimitiveName, props, ...info };
    const full = name.includes('.') || ns === '' ? name : `${ns}.${name}`;
    const found = this.#named.get(full) ?? this.#named.get(name);
    if (found === undefined) fail(path, `unknown type '${name}'`);
    return found;
  }

  #record(json: JsonObject, ns: string, path: string, props: JsonObject): SchemaModel {
    const fullName = this.#fullName(json, ns, path);
    const dot = fullName.lastIndexOf('.');
    const namespace = dot === -1 ? '' : fullName.slice(0, dot);
    const fields: FieldModel[] = [];
    const model: SchemaModel = { kind: 'record', name: fullName.slice(dot + 1), namespace, fullName, fields, props };
    this.#define(model, path);
    const list = json['fields'];
    if (!Array.isArray(list)) fail(path, "a record needs a 'fields' list");
    const seen = new Set<string>();
    (list as readonly JsonValue[]).forEach((f, i) => {
      const at = `${path}fields/${i}/`;
      if (!isJsonObject(f) || typeof f['name'] !== 'string') fail(at, "a field needs a 'name'");
      const name = f['name'];
      if (seen.has(name)) fail(at, `duplicate field '${name}'`);
      seen.add(name);
      if (f['type'] === undefined) fail(at, `field '${name}' needs a 'type'`);
      const type = this.node(f['type'], namespace, `${at}type/`);
      const hasDefault = Object.hasOwn(f, 'default');
      const field: FieldModel = { name, type, hasDefault, args: argProperties(f, at), ...(hasDefault ? { default: f['default'] ?? null } : {}) };
      fields.push(field);
    });
    return model;
  }

  #fullName(json: JsonObject, ns: string, path: string): string {
    const name = json['name'];
    if (typeof name !== 'string' || name === '') fail(path, "a named type needs a 'name'");
    if (name.includes('.')) return name;
    const own = typeof json['namespace'] === 'string' ? json['namespace'] : ns;
    return own === '' ? name : `${own}.${name}`;
  }

  #define(model: SchemaModel & { readonly fullName: string }, path: string): SchemaModel {
    if (this.#named.has(model.fullName)) fail(path, `type '${model.fullName}' is defined twice`);
    this.#named.set(model.fullName, model);
    return model;
  }
}

function argProperties(json: JsonObject, path: string): JsonObject {
  const p = json['arg.properties'];
  if (p === undefined) return {};
  if (!isJsonObject(p)) fail(path, 'arg.properties must be an object');
  return p;
}

function logical(json: JsonObject): LogicalInfo {
  const out: { logicalType?: string; precision?: number; scale?: number } = {};
  if (typeof json['logicalType'] === 'string') out.logicalType = json['logicalType'];
  if (typeof json['precision'] === 'number') out.precision = json['precision'];
  if (typeof json['scale'] === 'number') out.scale = json['scale'];
  return out;
}

function fail(path: string, what: string): never {
  throw new DatagenSchemaError(`schema at ${path}: ${what}`);
}
