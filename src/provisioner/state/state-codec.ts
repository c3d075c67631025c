/**
 * Conversion between ResourceInstanceState / OutputState and their SQLite rows. Values are stored
 * as JSON text; UNKNOWN is never stored (a broken invariant, not a user mistake: the engine must
 * only write applied, wholly known objects).
 */
import { invariant } from '../../shared/index.js';
import { isWhollyKnown } from './lang-values.js';
import type { ObjectValue, Value } from './lang-values.js';
import type { OutputState, ResourceInstanceState } from './types.js';

/** A `resources` table row. */
export interface ResourceRow {
  readonly address: string;
  readonly deposed: string;
  readonly module: string;
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly index_key: string | null;
  readonly provider: string;
  readonly schema_version: number;
  readonly attributes: string;
  readonly sensitive_paths: string;
  readonly private: string | null;
  readonly dependencies: string;
  readonly create_before_destroy: number | null;
  readonly status: string;
}

/** An `outputs` table row. */
export interface OutputRow {
  readonly name: string;
  readonly value: string;
  readonly sensitive: number;
}

/** JSON text of a wholly known value. */
export function encodeValue(v: Value, what: string): string {
  invariant(isWhollyKnown(v), `${what} contains an unknown value; unknown values are never stored in state`);
  return JSON.stringify(v);
}

/** True for a plain JSON object (not null, not an array). */
export function isPlainObject(x: unknown): x is { readonly [k: string]: unknown } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parses JSON text that this store wrote; the result is JSON data, hence a Value. */
function decodeValue(text: string): Value {
  return JSON.parse(text) as Value;
}

function decodeObject(text: string, what: string): ObjectValue {
  const v: unknown = JSON.parse(text);
  invariant(isPlainObject(v), `stored ${what} is not an object`);
  return v as ObjectValue;
}

function decodeStrings(text: string, what: string): string[] {
  const v: unknown = JSON.parse(text);
  invariant(Array.isArray(v) && v.every((x) => typeof x === 'string'), `stored ${what} is not a list of strings`);
  return v as string[];
}

/** Row values for a resource instance object (parameters in column order of the INSERT). */
export function resourceToRow(r: ResourceInstanceState): ResourceRow {
  invariant(r.address !== '', 'resource address must not be empty');
  invariant(r.deposed !== '', 'a deposed key must not be empty (omit it for the current object)');
  return {
    address: r.address,
    deposed: r.deposed ?? '',
    module: r.module,
    mode: r.mode,
    type: r.type,
    name: r.name,
    index_key: r.indexKey === undefined ? null : JSON.stringify(r.indexKey),
    provider: r.provider,
    schema_version: r.schemaVersion,
    attributes: encodeValue(r.attributes, `attributes of ${r.address}`),
    sensitive_paths: JSON.stringify([...r.sensitivePaths].sort()),
    private: r.private === undefined ? null : encodeValue(r.private, `private data of ${r.address}`),
    dependencies: JSON.stringify([...new Set(r.dependencies)].sort()),
    create_before_destroy: r.createBeforeDestroy === undefined ? null : (r.createBeforeDestroy ? 1 : 0),
    status: r.status,
  };
}

/** The resource instance object stored in a row. */
export function rowToResource(row: ResourceRow): ResourceInstanceState {
  invariant(row.mode === 'managed' || row.mode === 'data', `bad mode ${row.mode} in state`);
  invariant(row.status === 'ready' || row.status === 'tainted', `bad status ${row.status} in state`);
  const r: { -readonly [K in keyof ResourceInstanceState]: ResourceInstanceState[K] } = {
    address: row.address,
    module: row.module,
    mode: row.mode,
    type: row.type,
    name: row.name,
    provider: row.provider,
    schemaVersion: row.schema_version,
    attributes: decodeObject(row.attributes, `attributes of ${row.address}`),
    sensitivePaths: decodeStrings(row.sensitive_paths, 'sensitive paths'),
    dependencies: decodeStrings(row.dependencies, 'dependencies'),
    status: row.status,
  };
  if (row.index_key !== null) {
    const k: unknown = JSON.parse(row.index_key);
    invariant(typeof k === 'number' || typeof k === 'string', 'bad index key in state');
    r.indexKey = k;
  }
  if (row.private !== null) r.private = decodeObject(row.private, `private data of ${row.address}`);
  if (row.create_before_destroy !== null) r.createBeforeDestroy = row.create_before_destroy === 1;
  if (row.deposed !== '') r.deposed = row.deposed;
  return r;
}

/** Row for an output. */
export function outputToRow(name: string, o: OutputState): OutputRow {
  return { name, value: encodeValue(o.value, `output ${name}`), sensitive: o.sensitive ? 1 : 0 };
}

/** Output stored in a row. */
export function rowToOutput(row: OutputRow): OutputState {
  return { value: decodeValue(row.value), sensitive: row.sensitive === 1 };
}

/** Orders resource objects by address, the current object first, then deposed keys. */
export function compareResources(a: ResourceInstanceState, b: ResourceInstanceState): number {
  if (a.address !== b.address) return a.address < b.address ? -1 : 1;
  const da = a.deposed ?? '', db = b.deposed ?? '';
  return da === db ? 0 : da < db ? -1 : 1;
}
