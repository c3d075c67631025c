/**
 * Typed reads of attribute values (state, plan or config) and builders for the `{ id = ... }`
 * blocks that Confluent resources use everywhere. Unknown and null read as undefined.
 */
import { isObjectValue, isUnknown } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { InternalError } from '../../../shared/index.js';
import type { Credentials } from './types.js';

/** A string attribute, or undefined when null/unknown/empty. */
export function str(attrs: ObjectValue | null | undefined, name: string): string | undefined {
  const v = attrs?.[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A number attribute, or undefined. */
export function num(attrs: ObjectValue | null | undefined, name: string): number | undefined {
  const v = attrs?.[name];
  return typeof v === 'number' ? v : undefined;
}

/** A bool attribute, or undefined. */
export function bool(attrs: ObjectValue | null | undefined, name: string): boolean | undefined {
  const v = attrs?.[name];
  return typeof v === 'boolean' ? v : undefined;
}

/** A single nested block as an object, or undefined (null, unknown or an empty list). */
export function block(attrs: ObjectValue | null | undefined, name: string): ObjectValue | undefined {
  let v: Value | undefined = attrs?.[name];
  if (Array.isArray(v)) v = v[0];
  return isObjectValue(v) ? v : undefined;
}

/** The `id` inside a `name { id = ... }` block. */
export function blockId(attrs: ObjectValue | null | undefined, name: string): string | undefined {
  return str(block(attrs, name), 'id');
}

/** The `id` of a required block at apply time; absence is an engine bug (the schema requires it). */
export function requireBlockId(attrs: ObjectValue, name: string): string {
  const id = blockId(attrs, name);
  if (id === undefined) throw new InternalError(`block ${name} must have a known id at apply`);
  return id;
}

/** A required string at apply time. */
export function requireStr(attrs: ObjectValue, name: string): string {
  const v = str(attrs, name);
  if (v === undefined) throw new InternalError(`attribute ${name} must be a known string at apply`);
  return v;
}

/** `{ id }` block value. */
export function idBlock(id: string | undefined): ObjectValue | null {
  return id === undefined ? null : { id };
}

/** A map(string) attribute as a plain record (unknown entries dropped). */
export function stringMap(attrs: ObjectValue | null | undefined, name: string): Record<string, string> {
  const v = attrs?.[name];
  const out: Record<string, string> = {};
  if (!isObjectValue(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** The `credentials { key, secret }` block, when set. */
export function credentialsOf(attrs: ObjectValue | null | undefined): Credentials | undefined {
  const c = block(attrs, 'credentials');
  const key = str(c, 'key'), secret = str(c, 'secret');
  return key !== undefined && secret !== undefined ? { key, secret } : undefined;
}

/** True when the attribute is UNKNOWN (plan time). */
export function unknownAttr(attrs: ObjectValue | null | undefined, name: string): boolean {
  return isUnknown(attrs?.[name]);
}

/** A record of strings as a sorted map value. */
export function mapValue(rec: Readonly<Record<string, string>>): ObjectValue {
  const out: Record<string, Value> = {};
  for (const k of Object.keys(rec).sort()) out[k] = rec[k] ?? null;
  return out;
}
