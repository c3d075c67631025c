/**
 * The value model shared by the evaluator, the engine, providers and state.
 *
 * Values are plain JSON-like data (null, string, number, boolean, arrays, plain objects) plus one
 * marker, UNKNOWN, for values that are "known after apply". Containers may hold unknowns at any
 * depth (a partially known object). Sets and tuples are arrays; maps and objects are plain objects:
 * the declared Type (types.ts) says which. Values are never mutated after construction.
 */

/** The "known after apply" marker. A single frozen instance; compare with `isUnknown`. */
export class UnknownValue {
  readonly unknown = true as const;
  toJSON(): string { return '(known after apply)'; }
}

export const UNKNOWN: UnknownValue = Object.freeze(new UnknownValue());

export type Value =
  | null
  | string
  | number
  | boolean
  | UnknownValue
  | readonly Value[]
  | { readonly [key: string]: Value };

export type ObjectValue = { readonly [key: string]: Value };

export function isUnknown(v: unknown): v is UnknownValue {
  return v instanceof UnknownValue;
}

export function isObjectValue(v: Value | undefined): v is ObjectValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof UnknownValue);
}

export function isListValue(v: Value | undefined): v is readonly Value[] {
  return Array.isArray(v);
}

/** True when the value contains no UNKNOWN anywhere. */
export function isWhollyKnown(v: Value): boolean {
  if (v instanceof UnknownValue) return false;
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (typeof v === 'object' && v !== null) return Object.values(v as ObjectValue).every(isWhollyKnown);
  return true;
}

/** Structural equality; UNKNOWN equals only UNKNOWN. */
export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (isObjectValue(a)) {
    if (!isObjectValue(b)) return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!Object.prototype.hasOwnProperty.call(b, k) || !valuesEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Converts a value to plain JSON (UNKNOWN becomes null); used for storage of known values. */
export function toJSONValue(v: Value): unknown {
  if (v instanceof UnknownValue) return null;
  return v;
}

/**
 * A value together with its sensitivity. Sensitivity propagates through expressions: anything
 * computed from a sensitive value is sensitive (Terraform's "marks").
 */
export interface MarkedValue {
  readonly value: Value;
  readonly sensitive: boolean;
  /**
   * Set only with `sensitive: true`: the value is sensitive only at these sub-paths (`*` matches
   * any key), Terraform's marks on nested values. Code that does not look deeper treats the whole
   * value as sensitive; attribute/index steps, for expressions and splats narrow it (sensitive-marks.ts).
   */
  readonly paths?: readonly (readonly (string | number)[])[];
}
