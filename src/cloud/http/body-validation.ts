/**
 * Request-body readers that fail with a 400 naming the offending field as a JSON pointer
 * (`/spec/display_name`), so clients can point users at the exact attribute.
 */
import { ApiError } from './types.js';

/** A JSON object as parsed from a body. */
export type JsonObject = { readonly [key: string]: unknown };

function fail(pointer: string, message: string): never {
  throw new ApiError(400, 'invalid_input', message, pointer);
}

function at(obj: JsonObject, pointer: string): unknown {
  const key = pointer.slice(pointer.lastIndexOf('/') + 1);
  return obj[key];
}

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The request body as an object; `pointer` is '' for the root. */
export function requireObject(v: unknown, pointer = ''): JsonObject {
  if (!isObject(v)) fail(pointer, pointer === '' ? 'The request body must be a JSON object.' : `${pointer} must be an object.`);
  return v;
}

/** The child object at `pointer` (e.g. `/spec`), required. */
export function requireChild(obj: JsonObject, pointer: string): JsonObject {
  const v = at(obj, pointer);
  if (v === undefined || v === null) fail(pointer, `${pointer} is required.`);
  return requireObject(v, pointer);
}

/** The child object at `pointer`, or undefined when absent. */
export function optionalChild(obj: JsonObject, pointer: string): JsonObject | undefined {
  const v = at(obj, pointer);
  if (v === undefined || v === null) return undefined;
  return requireObject(v, pointer);
}

/** A required, non-empty string at `pointer`. */
export function requireString(obj: JsonObject, pointer: string, opts: { maxLength?: number; pattern?: RegExp } = {}): string {
  const v = at(obj, pointer);
  if (v === undefined || v === null) fail(pointer, `${pointer} is required.`);
  return checkString(v, pointer, opts);
}

/** An optional string at `pointer` (must be non-empty when present). */
export function optionalString(obj: JsonObject, pointer: string, opts: { maxLength?: number; pattern?: RegExp; allowEmpty?: boolean } = {}): string | undefined {
  const v = at(obj, pointer);
  if (v === undefined || v === null) return undefined;
  return checkString(v, pointer, opts);
}

function checkString(v: unknown, pointer: string, opts: { maxLength?: number; pattern?: RegExp; allowEmpty?: boolean }): string {
  if (typeof v !== 'string') fail(pointer, `${pointer} must be a string.`);
  if (v.length === 0 && opts.allowEmpty !== true) fail(pointer, `${pointer} must not be empty.`);
  if (opts.maxLength !== undefined && v.length > opts.maxLength) fail(pointer, `${pointer} must be at most ${opts.maxLength} characters.`);
  if (opts.pattern !== undefined && !opts.pattern.test(v)) fail(pointer, `${pointer} '${v}' does not match ${opts.pattern.source}.`);
  return v;
}

/** A required string that must be one of `allowed`. */
export function requireEnum<T extends string>(obj: JsonObject, pointer: string, allowed: readonly T[]): T {
  const v = requireString(obj, pointer);
  return checkEnum(v, pointer, allowed);
}

/** An optional string that must be one of `allowed` when present. */
export function optionalEnum<T extends string>(obj: JsonObject, pointer: string, allowed: readonly T[]): T | undefined {
  const v = optionalString(obj, pointer);
  return v === undefined ? undefined : checkEnum(v, pointer, allowed);
}

function checkEnum<T extends string>(v: string, pointer: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === v);
  if (found === undefined) fail(pointer, `${pointer} '${v}' is not one of: ${allowed.join(', ')}.`);
  return found;
}

/** An optional integer at `pointer`. */
export function optionalInt(obj: JsonObject, pointer: string, opts: { min?: number } = {}): number | undefined {
  const v = at(obj, pointer);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(pointer, `${pointer} must be an integer.`);
  if (opts.min !== undefined && v < opts.min) fail(pointer, `${pointer} must be at least ${opts.min}.`);
  return v;
}

/** An optional boolean at `pointer`. */
export function optionalBool(obj: JsonObject, pointer: string): boolean | undefined {
  const v = at(obj, pointer);
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') fail(pointer, `${pointer} must be a boolean.`);
  return v;
}

/** An optional map of string to string at `pointer`. */
export function optionalStringMap(obj: JsonObject, pointer: string): Readonly<Record<string, string>> | undefined {
  const v = at(obj, pointer);
  if (v === undefined || v === null) return undefined;
  const m = requireObject(v, pointer);
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) {
    const e = m[k];
    if (typeof e !== 'string') fail(`${pointer}/${k}`, `${pointer}/${k} must be a string.`);
    out[k] = e;
  }
  return out;
}

/** A required query parameter. */
export function requireQuery(query: URLSearchParams, name: string): string {
  const v = query.get(name);
  if (v === null || v === '') throw new ApiError(400, 'invalid_input', `Query parameter '${name}' is required.`);
  return v;
}
