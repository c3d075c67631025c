/**
 * Type conversion functions (tostring, tonumber, tobool, tolist, toset, tomap) and the special
 * forms the evaluator implements itself (can, try, sensitive, nonsensitive), listed here so the
 * registry knows their names and arity.
 */
import { convertValue, ConversionError } from './convert-to-type.js';
import { def, FunctionArgError, FunctionCallError, param, type FunctionDef } from './function-def.js';
import { T, type Type } from './types.js';
import { isObjectValue, type Value } from './value.js';

/** The single primitive type strings/numbers/bools unify to: string wins over mixed primitives. */
function unifiedElementType(vs: readonly Value[]): Type {
  const kinds = new Set(vs.filter((v) => v !== null).map((v) => typeof v));
  if (kinds.size > 1 && [...kinds].every((k) => k === 'string' || k === 'number' || k === 'boolean')) return T.string;
  return T.any;
}

function convertOrFail(v: Value, t: Type): Value {
  try {
    return convertValue(v, t);
  } catch (e) {
    if (e instanceof ConversionError) throw new FunctionArgError(0, `cannot convert to ${t.kind}: ${e.message}`);
    throw e;
  }
}

const noop = (): Value => { throw new FunctionCallError('special form evaluated as a function'); };

/** Type-conversion built-ins and special forms. */
export const typeFunctions: readonly FunctionDef[] = [
  def('tostring', [param('v', T.any, { allowNull: true })], (args) => {
    const v = args[0] ?? null;
    if (v !== null && typeof v === 'object') throw new FunctionArgError(0, 'cannot convert a collection or structural value to string');
    return convertOrFail(v, T.string);
  }),
  def('tonumber', [param('v', T.any, { allowNull: true })], (args) => convertOrFail(args[0] ?? null, T.number)),
  def('tobool', [param('v', T.any, { allowNull: true })], (args) => convertOrFail(args[0] ?? null, T.bool)),
  def('tolist', [param('v', T.any, { allowNull: true })], (args) => {
    const v = args[0] ?? null;
    if (v !== null && !Array.isArray(v)) throw new FunctionArgError(0, 'cannot convert to list: a list, set or tuple is required');
    return convertOrFail(v, T.list(Array.isArray(v) ? unifiedElementType(v as readonly Value[]) : T.any));
  }, { unknowns: 'shallow' }),
  def('toset', [param('v', T.any, { allowNull: true })], (args) => {
    const v = args[0] ?? null;
    if (v !== null && !Array.isArray(v)) throw new FunctionArgError(0, 'cannot convert to set: a list, set or tuple is required');
    return convertOrFail(v, T.set(Array.isArray(v) ? unifiedElementType(v as readonly Value[]) : T.any));
  }),
  def('tomap', [param('v', T.any, { allowNull: true })], (args) => {
    const v = args[0] ?? null;
    if (v !== null && !isObjectValue(v)) throw new FunctionArgError(0, 'cannot convert to map: an object or map is required');
    return convertOrFail(v, T.map(isObjectValue(v) ? unifiedElementType(Object.values(v)) : T.any));
  }, { unknowns: 'shallow' }),
  def('can', [param('expression', T.any, { allowNull: true })], noop, { special: true }),
  def('try', [], noop, { variadic: param('expressions', T.any, { allowNull: true }), special: true }),
  def('sensitive', [param('value', T.any, { allowNull: true })], noop, { special: true }),
  def('nonsensitive', [param('value', T.any, { allowNull: true })], noop, { special: true }),
  def('issensitive', [param('value', T.any, { allowNull: true })], noop, { special: true }),
];
