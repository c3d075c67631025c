/**
 * The JSON plan's companions of a value: `after_unknown` and `*_sensitive` mirrors (true where
 * unknown / sensitive, known leaves of objects omitted, list positions kept as false) and the
 * masked value itself (sensitive parts replaced by null, unknown object attributes omitted).
 */
import { coveredBy, type Path } from './attr-path.js';
import { isObjectValue, isUnknown, type Value } from './plan-model.js';

/** A JSON value as written to plan JSON. */
export type JSONValue = null | string | number | boolean | readonly JSONValue[] | { readonly [key: string]: JSONValue };

/** True at unknown positions; objects keep only keys whose mirror is not false. */
export function unknownMirror(v: Value): JSONValue {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.map((e: Value) => unknownMirror(e));
  if (isObjectValue(v)) {
    const out: { [key: string]: JSONValue } = {};
    for (const k of Object.keys(v).sort()) {
      const m = unknownMirror(v[k] ?? null);
      if (m !== false) out[k] = m;
    }
    return out;
  }
  return false;
}

/** True at sensitive positions (any of `paths` covers them); same shape rules as `unknownMirror`. */
export function sensitiveMirror(v: Value, paths: readonly Path[], path: Path = []): JSONValue {
  if (coveredBy(paths, path)) return true;
  if (Array.isArray(v)) return v.map((e: Value, i: number) => sensitiveMirror(e, paths, [...path, i]));
  if (isObjectValue(v)) {
    const out: { [key: string]: JSONValue } = {};
    for (const k of Object.keys(v).sort()) {
      const m = sensitiveMirror(v[k] ?? null, paths, [...path, k]);
      if (m !== false) out[k] = m;
    }
    return out;
  }
  return false;
}

/** The value with sensitive parts replaced by null and unknowns removed (null in lists). */
export function maskedValue(v: Value, paths: readonly Path[], path: Path = []): JSONValue {
  if (coveredBy(paths, path)) return null;
  if (isUnknown(v)) return null;
  if (Array.isArray(v)) return v.map((e: Value, i: number) => maskedValue(e, paths, [...path, i]));
  if (isObjectValue(v)) {
    const out: { [key: string]: JSONValue } = {};
    for (const k of Object.keys(v).sort()) {
      const child = v[k] ?? null;
      if (isUnknown(child)) continue;
      out[k] = maskedValue(child, paths, [...path, k]);
    }
    return out;
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

/** A top-level mirror for an object that may be absent: null gives `absent`, false gives `{}`. */
export function objectMirror(v: Value | null, mirror: (v: Value) => JSONValue, absent: JSONValue): JSONValue {
  if (v === null) return absent;
  const m = mirror(v);
  return m === false ? {} : m;
}
