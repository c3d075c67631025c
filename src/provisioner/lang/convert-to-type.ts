/**
 * Converts a value to a type constraint with Terraform's rules: primitives convert between each
 * other where lossless, tuples become lists/sets, objects become maps, optional object
 * attributes are filled with their default (or null), and null / unknown pass through.
 * Attributes not declared by an object type are dropped silently (as Terraform does when it
 * converts to an object type).
 */
import { errorDiag, type Outcome } from '../../shared/diagnostics.js';
import { typeString, type Type } from './types.js';
import { isObjectValue, isUnknown, valuesEqual, type ObjectValue, type Value } from './value.js';
import { asBool, asNumber, asString, typeNameOf } from './value-conversion.js';

/** A conversion failure at a path inside the value (`.b`, `[0]`, `["k"]`). */
export class ConversionError extends Error {
  readonly path: string;
  readonly reason: string;
  constructor(path: string, reason: string) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'ConversionError';
    this.path = path;
    this.reason = reason;
  }
}

/** Converts `value` to `type`, returning an `Incorrect value type` diagnostic on failure. */
export function convertToType(value: Value, type: Type): Outcome<Value> {
  try {
    return { value: convertValue(value, type), diagnostics: [] };
  } catch (e) {
    if (e instanceof ConversionError) return { diagnostics: [errorDiag('type-mismatch', 'Incorrect value type', { detail: e.message })] };
    throw e;
  }
}

/** Converts `value` to `type` or throws a ConversionError naming the path. */
export function convertValue(value: Value, type: Type, path = ''): Value {
  if (value === null || isUnknown(value) || type.kind === 'any') return value;
  switch (type.kind) {
    case 'string': {
      const s = asString(value);
      if (s === undefined) throw new ConversionError(path, `string required, but have ${typeNameOf(value)}`);
      return s;
    }
    case 'number': {
      const n = asNumber(value);
      if (n === undefined) throw new ConversionError(path, typeof value === 'string' ? `a number is required, but have ${JSON.stringify(value)}` : `a number is required, but have ${typeNameOf(value)}`);
      return n;
    }
    case 'bool': {
      const b = asBool(value);
      if (b === undefined) throw new ConversionError(path, `a bool is required, but have ${typeof value === 'string' ? JSON.stringify(value) : typeNameOf(value)}`);
      return b;
    }
    case 'list': case 'set': {
      if (!Array.isArray(value)) throw new ConversionError(path, `${typeString(type)} required, but have ${typeNameOf(value)}`);
      const items = (value as readonly Value[]).map((v, i) => convertValue(v, type.element, `${path}[${i}]`));
      return type.kind === 'set' ? toSetOrder(items) : items;
    }
    case 'map': {
      if (!isObjectValue(value)) throw new ConversionError(path, `${typeString(type)} required, but have ${typeNameOf(value)}`);
      const out: Record<string, Value> = {};
      for (const [k, v] of Object.entries(value)) out[k] = convertValue(v, type.element, `${path}[${JSON.stringify(k)}]`);
      return out;
    }
    case 'tuple': {
      if (!Array.isArray(value) || value.length !== type.elements.length) {
        throw new ConversionError(path, `tuple required with ${type.elements.length} elements, but have ${Array.isArray(value) ? `${value.length} elements` : typeNameOf(value)}`);
      }
      return type.elements.map((t, i) => convertValue((value as readonly Value[])[i] ?? null, t, `${path}[${i}]`));
    }
    case 'object':
      return convertObject(value, type, path);
  }
}

function convertObject(value: Value, type: Extract<Type, { kind: 'object' }>, path: string): Value {
  if (!isObjectValue(value)) throw new ConversionError(path, `object required, but have ${typeNameOf(value)}`);
  const obj: ObjectValue = value;
  const out: Record<string, Value> = {};
  for (const [name, attrType] of Object.entries(type.attributes)) {
    const at = `${path}.${name}`;
    const opt = type.optional?.[name];
    const has = Object.prototype.hasOwnProperty.call(obj, name);
    const given = has ? obj[name] ?? null : null;
    if (given !== null) { out[name] = convertValue(given, attrType, at); continue; }
    if (opt === undefined) {
      if (!has) throw new ConversionError(path, `attribute ${JSON.stringify(name)} is required`);
      out[name] = null;
      continue;
    }
    out[name] = opt.default === undefined ? null : convertValue(opt.default as Value, attrType, at);
  }
  return out;
}

/** Sets are arrays without duplicates; primitive members are kept in a stable sorted order. */
export function toSetOrder(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  for (const v of items) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  if (out.every((v) => typeof v === 'string')) return (out as string[]).sort();
  if (out.every((v) => typeof v === 'number')) return (out as number[]).sort((a, b) => a - b);
  return out;
}
