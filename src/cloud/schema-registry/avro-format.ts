/** Avro schemas: parse with avsc, point errors at the JSON path, canonical and normalized forms, references. */
import avro from 'avsc';
import type { Type as AvroType } from 'avsc';
import { SchemaParseError } from './registry-errors.js';
import type { ParsedAvroSchema, ResolvedReference } from './types.js';
import { isObject, parseJsonText, stableStringify } from './stable-json.js';

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

/**
 * avsc's default `long` throws "potential precision loss" on values beyond 2^53, which real
 * producers write (Flink BIGINT). This one decodes to a number when safe and a bigint otherwise,
 * and encodes either.
 */
const SAFE_LONG: AvroType = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer): number | bigint => {
    const hi = buf.readInt32LE(4);
    // |hi| < 2^21 means the value fits in 53 bits: stay on the fast number path
    if (hi >= -0x200000 && hi < 0x200000) return hi * 0x100000000 + buf.readUInt32LE(0);
    const n = buf.readBigInt64LE();
    return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n;
  },
  toBuffer: (v: number | bigint): Buffer => {
    const b = Buffer.alloc(8);
    if (typeof v === 'number' && Number.isSafeInteger(v)) {
      const hi = Math.floor(v / 0x100000000);
      b.writeUInt32LE(v - hi * 0x100000000, 0);
      b.writeInt32LE(hi, 4);
    } else {
      b.writeBigInt64LE(BigInt(v));
    }
    return b;
  },
  fromJSON: (v: unknown): number | bigint => (typeof v === 'bigint' ? v : Number(v)),
  toJSON: (v: number | bigint): number => Number(v),
  isValid: (v: unknown): boolean =>
    (typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 63) || (typeof v === 'bigint' && v >= MIN_LONG && v <= MAX_LONG),
  compare: (a: number | bigint, b: number | bigint): number => (a < b ? -1 : a > b ? 1 : 0),
});

/** Parses an Avro schema text; referenced schemas' named types are visible by full name. Throws SchemaParseError. */
export function parseAvroSchema(text: string, references: readonly ResolvedReference[] = []): ParsedAvroSchema {
  const registry: Record<string, AvroType> = { long: SAFE_LONG };
  for (const ref of references) {
    if (ref.schemaType !== 'AVRO') continue;
    const parsed = parseJsonText(ref.schema);
    if ('error' in parsed) throw new SchemaParseError(`Invalid referenced Avro schema '${ref.name}': ${parsed.error}`);
    try {
      avro.Type.forSchema(parsed.value as avro.Schema, { registry });
    } catch (e) {
      throw new SchemaParseError(`Invalid referenced Avro schema '${ref.name}': ${errorText(e)}`);
    }
  }
  const parsed = parseJsonText(text);
  if ('error' in parsed) throw new SchemaParseError(`Invalid Avro schema: ${parsed.error}`);
  const json = parsed.value;
  const known = new Set(Object.keys(registry));
  checkNode(json, '', '', known);
  let type: AvroType;
  try {
    type = avro.Type.forSchema(json as avro.Schema, { registry: { ...registry } });
  } catch (e) {
    throw new SchemaParseError(`Invalid Avro schema: ${errorText(e)}`);
  }
  return { kind: 'AVRO', type, json, canonical: JSON.stringify(json), normalized: stableStringify(json) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Walks the schema JSON before avsc sees it, so the common mistakes are reported with their path
 * (`/fields/3/type`) instead of avsc's context-free message. `known` collects defined full names.
 */
function checkNode(node: unknown, path: string, namespace: string, known: Set<string>): void {
  const at = path === '' ? '/' : path;
  if (typeof node === 'string') {
    if (PRIMITIVES.has(node)) return;
    const full = node.includes('.') || namespace === '' ? node : `${namespace}.${node}`;
    if (!known.has(full) && !known.has(node)) fail(`unknown type '${node}' at path '${at}'`);
    return;
  }
  if (Array.isArray(node)) {
    if (node.length === 0) fail(`empty union at path '${at}'`);
    node.forEach((b, i) => {
      if (Array.isArray(b)) fail(`union directly inside union at path '${path}/${i}'`);
      checkNode(b, `${path}/${i}`, namespace, known);
    });
    return;
  }
  if (!isObject(node)) fail(`expected a type name, union or object at path '${at}'`);
  const t = node['type'];
  if (t === undefined) fail(`missing 'type' at path '${at}'`);
  if (typeof t !== 'string' || !['record', 'error', 'enum', 'fixed', 'array', 'map'].includes(t)) {
    checkNode(t, `${path}/type`, namespace, known);
    return;
  }
  if (t === 'array') return checkNode(node['items'], `${path}/items`, namespace, known);
  if (t === 'map') return checkNode(node['values'], `${path}/values`, namespace, known);
  const name = node['name'];
  if (typeof name !== 'string' || name === '') fail(`${t} at path '${at}' has no 'name'`);
  const ns = typeof node['namespace'] === 'string' ? node['namespace'] : namespace;
  const full = name.includes('.') ? name : ns === '' ? name : `${ns}.${name}`;
  const simple = full.slice(full.lastIndexOf('.') + 1);
  if (!NAME_RE.test(simple)) fail(`invalid name '${name}' at path '${path}/name': names must match [A-Za-z_][A-Za-z0-9_]*`);
  const innerNs = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
  known.add(full);
  if (t === 'fixed') {
    const size = node['size'];
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) fail(`fixed '${full}' at path '${at}' needs an integer 'size'`);
    return;
  }
  if (t === 'enum') {
    const symbols = node['symbols'];
    if (!Array.isArray(symbols)) fail(`enum '${full}' at path '${at}' needs a 'symbols' array`);
    const seen = new Set<string>();
    symbols.forEach((s, i) => {
      if (typeof s !== 'string' || !NAME_RE.test(s)) fail(`invalid enum symbol ${JSON.stringify(s)} at path '${path}/symbols/${i}'`);
      if (seen.has(s)) fail(`duplicate enum symbol '${s}' at path '${path}/symbols/${i}'`);
      seen.add(s);
    });
    const def = node['default'];
    if (def !== undefined && (typeof def !== 'string' || !seen.has(def))) fail(`enum default ${JSON.stringify(def)} at path '${path}/default' is not one of the symbols`);
    return;
  }
  const fields = node['fields'];
  if (!Array.isArray(fields)) fail(`record '${full}' at path '${at}' needs a 'fields' array`);
  const names = new Set<string>();
  fields.forEach((f, i) => {
    const fp = `${path}/fields/${i}`;
    if (!isObject(f)) fail(`field at path '${fp}' must be an object`);
    const fname = f['name'];
    if (typeof fname !== 'string' || !NAME_RE.test(fname)) fail(`field at path '${fp}' has an invalid or missing 'name' ${JSON.stringify(fname)}`);
    if (names.has(fname)) fail(`duplicate field '${fname}' at path '${fp}' in record '${full}'`);
    names.add(fname);
    if (f['type'] === undefined) fail(`field '${fname}' at path '${fp}' has no 'type'`);
    checkNode(f['type'], `${fp}/type`, innerNs, known);
    if ('default' in f) checkDefault(f['default'], f['type'], `${fp}/default`, fname);
  });
}

/** Checks the JSON kind of a default against primitive field types (union defaults match the first branch). */
function checkDefault(def: unknown, type: unknown, path: string, field: string): void {
  const t = Array.isArray(type) ? type[0] : isObject(type) && typeof type['type'] === 'string' && PRIMITIVES.has(type['type']) ? type['type'] : type;
  if (typeof t !== 'string' || !PRIMITIVES.has(t)) return;
  const ok =
    t === 'null' ? def === null
    : t === 'boolean' ? typeof def === 'boolean'
    : t === 'int' || t === 'long' ? typeof def === 'number' && Number.isInteger(def)
    : t === 'float' || t === 'double' ? typeof def === 'number'
    : typeof def === 'string';
  if (!ok) {
    const hint = Array.isArray(type) ? ` (a union's default must match its first branch '${t}')` : '';
    fail(`default value ${JSON.stringify(def)} of field '${field}' at path '${path}' is not a valid '${t}'${hint}`);
  }
}

function fail(msg: string): never {
  throw new SchemaParseError(`Invalid Avro schema: ${msg}`);
}
