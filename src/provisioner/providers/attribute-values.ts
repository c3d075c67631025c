/**
 * Typed reads of attribute values for built-in resources. Unknown and null both read as
 * `undefined`: callers at plan/validate time skip what is not known yet, and at apply time the
 * engine guarantees arguments are known.
 */
import { isUnknown } from '../lang/index.js';
import type { ObjectValue, Value } from '../lang/index.js';
import { InternalError } from '../../shared/index.js';

/** A string attribute, or undefined when null/unknown. */
export function readString(attrs: ObjectValue, name: string): string | undefined {
  const v = attrs[name];
  return typeof v === 'string' ? v : undefined;
}

/** A number attribute, or undefined when null/unknown. */
export function readNumber(attrs: ObjectValue, name: string): number | undefined {
  const v = attrs[name];
  return typeof v === 'number' ? v : undefined;
}

/** A bool attribute, or undefined when null/unknown. */
export function readBool(attrs: ObjectValue, name: string): boolean | undefined {
  const v = attrs[name];
  return typeof v === 'boolean' ? v : undefined;
}


/** A required number at apply time; absence is an engine bug. */
export function requireNumber(attrs: ObjectValue, name: string): number {
  const v = readNumber(attrs, name);
  if (v === undefined) throw new InternalError(`attribute ${name} must be a known number at apply`);
  return v;
}

/** A required string at apply time; absence is an engine bug. */
export function requireString(attrs: ObjectValue, name: string): string {
  const v = readString(attrs, name);
  if (v === undefined) throw new InternalError(`attribute ${name} must be a known string at apply`);
  return v;
}

/** A value with UNKNOWN turned into null (for attributes echoed into state). */
export function knownOrNull(v: Value | undefined): Value {
  return v === undefined || isUnknown(v) ? null : v;
}
