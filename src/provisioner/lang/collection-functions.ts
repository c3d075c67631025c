/** Collection functions over lists, tuples, maps and objects. */
import { def, FunctionArgError, FunctionCallError, list, num, obj, param, sortedKeys, str, type FunctionDef } from './function-def.js';
import { T } from './types.js';
import { isObjectValue, isUnknown, UNKNOWN, valuesEqual, type Value } from './value.js';
import { asString, typeNameOf } from './value-conversion.js';

const A = T.any;
const L = T.list(T.any);
const M = T.map(T.any);

function lengthOf(v: Value, i: number): number {
  if (typeof v === 'string') return [...v].length;
  if (Array.isArray(v)) return v.length;
  if (isObjectValue(v)) return Object.keys(v).length;
  throw new FunctionArgError(i, `a collection or string is required, but have ${typeNameOf(v)}`);
}

function flatten(v: readonly Value[]): Value[] | undefined {
  const out: Value[] = [];
  for (const x of v) {
    if (isUnknown(x)) return undefined;
    if (Array.isArray(x)) {
      const inner = flatten(x as readonly Value[]);
      if (inner === undefined) return undefined;
      out.push(...inner);
    } else out.push(x);
  }
  return out;
}

function mapEntries(args: readonly Value[], i: number): [string, Value][] {
  const o = obj(args, i);
  return sortedKeys(o).map((k) => [k, o[k] ?? null]);
}

/** Collection built-ins. */
export const collectionFunctions: readonly FunctionDef[] = [
  def('length', [param('value', A)], (args) => lengthOf(args[0] ?? null, 0), { unknowns: 'shallow' }),
  def('concat', [], (args) => args.flatMap((_, i) => [...list(args, i)]), { variadic: param('seqs', L), unknowns: 'shallow' }),
  def('merge', [], (args) => {
    const out: Record<string, Value> = {};
    args.forEach((a, i) => {
      if (a === null) return;
      for (const [k, v] of Object.entries(obj(args, i))) out[k] = v;
    });
    return out;
  }, { variadic: param('maps', A, { allowNull: true }), unknowns: 'shallow' }),
  def('flatten', [param('list', L)], (args) => flatten(list(args, 0)) ?? UNKNOWN, { unknowns: 'shallow' }),
  def('distinct', [param('list', L)], (args) => {
    const out: Value[] = [];
    for (const v of list(args, 0)) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
    return out;
  }),
  def('contains', [param('list', L), param('value', A, { allowNull: true })], (args) => list(args, 0).some((v) => valuesEqual(v, args[1] ?? null))),
  def('keys', [param('inputMap', M)], (args) => sortedKeys(obj(args, 0)), { unknowns: 'shallow' }),
  def('values', [param('mapping', M)], (args) => mapEntries(args, 0).map(([, v]) => v), { unknowns: 'shallow' }),
  def('lookup', [param('inputMap', M), param('key', T.string)], (args) => {
    const o = obj(args, 0);
    const k = str(args, 1);
    if (Object.prototype.hasOwnProperty.call(o, k)) return o[k] ?? null;
    if (args.length > 2) return args[2] ?? null;
    throw new FunctionCallError(`the given key ${JSON.stringify(k)} does not exist in the map and no default was given`);
  }, { variadic: param('default', A, { allowNull: true }), unknowns: 'shallow' }),
  def('element', [param('list', L), param('index', T.number)], (args) => {
    const l = list(args, 0);
    const i = Math.floor(num(args, 1));
    if (l.length === 0) throw new FunctionArgError(0, 'cannot use element function with an empty list');
    if (i < 0) throw new FunctionArgError(1, 'cannot use element function with a negative index');
    return l[i % l.length] ?? null;
  }, { unknowns: 'shallow' }),
  def('index', [param('list', L), param('value', A)], (args) => {
    const i = list(args, 0).findIndex((v) => valuesEqual(v, args[1] ?? null));
    if (i < 0) throw new FunctionCallError('item not found');
    return i;
  }),
  def('coalesce', [], (args) => {
    for (const v of args) {
      if (isUnknown(v)) return UNKNOWN;
      if (v !== null && v !== '') return v;
    }
    throw new FunctionCallError('no non-null, non-empty-string arguments');
  }, { variadic: param('vals', A, { allowNull: true }), unknowns: 'shallow' }),
  def('coalescelist', [], (args) => {
    for (let i = 0; i < args.length; i++) if (list(args, i).length > 0) return args[i] ?? null;
    throw new FunctionCallError('no non-null arguments');
  }, { variadic: param('vals', L), unknowns: 'shallow' }),
  def('compact', [param('list', T.list(T.string))], (args) => list(args, 0).filter((v) => v !== null && v !== '')),
  def('range', [], (args) => {
    if (args.length < 1 || args.length > 3) throw new FunctionCallError('range requires 1 to 3 arguments');
    const ns = args.map((a, i) => { if (typeof a !== 'number') throw new FunctionArgError(i, 'a number is required'); return a; });
    const [start, end, step] = ns.length === 1 ? [0, ns[0] ?? 0, 1] : [ns[0] ?? 0, ns[1] ?? 0, ns[2] ?? ((ns[1] ?? 0) >= (ns[0] ?? 0) ? 1 : -1)];
    if (step === 0) throw new FunctionArgError(2, 'step must not be zero');
    if ((step > 0 && start > end) || (step < 0 && start < end)) throw new FunctionCallError('step must be positive when start is less than end, negative otherwise');
    const out: number[] = [];
    for (let v = start; step > 0 ? v < end : v > end; v += step) {
      out.push(v);
      if (out.length > 1024) throw new FunctionCallError('more than 1024 values were generated; range() is limited to 1024 values');
    }
    return out;
  }, { variadic: param('params', T.number) }),
  def('zipmap', [param('keys', T.list(T.string)), param('values', L)], (args) => {
    const ks = list(args, 0), vs = list(args, 1);
    if (ks.length !== vs.length) throw new FunctionCallError(`number of keys (${ks.length}) does not match number of values (${vs.length})`);
    const out: Record<string, Value> = {};
    ks.forEach((k, i) => { out[asString(k) ?? ''] = vs[i] ?? null; });
    return out;
  }),
  def('one', [param('list', L)], (args) => {
    const l = list(args, 0);
    if (l.length > 1) throw new FunctionArgError(0, `must be a list, set, or tuple value with either zero or one elements, but have ${l.length}`);
    return l[0] ?? null;
  }, { unknowns: 'shallow' }),
  def('alltrue', [param('list', T.list(T.bool))], (args) => list(args, 0).every((v) => v === true)),
  def('anytrue', [param('list', T.list(T.bool))], (args) => list(args, 0).some((v) => v === true)),
  def('sort', [param('list', T.list(T.string))], (args) => [...list(args, 0)].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))),
  def('reverse', [param('list', L)], (args) => [...list(args, 0)].reverse(), { unknowns: 'shallow' }),
  def('slice', [param('list', L), param('start_index', T.number), param('end_index', T.number)], (args) => {
    const l = list(args, 0);
    const a = num(args, 1), b = num(args, 2);
    if (a < 0 || a > l.length) throw new FunctionArgError(1, `start index ${a} is out of range for a list of length ${l.length}`);
    if (b < a || b > l.length) throw new FunctionArgError(2, `end index ${b} is out of range (start ${a}, length ${l.length})`);
    return l.slice(a, b);
  }, { unknowns: 'shallow' }),
  def('chunklist', [param('list', L), param('size', T.number)], (args) => {
    const l = list(args, 0), n = num(args, 1);
    if (n < 0) throw new FunctionArgError(1, 'the size argument must be positive');
    if (n === 0) return [l];
    const out: Value[] = [];
    for (let i = 0; i < l.length; i += n) out.push(l.slice(i, i + n));
    return out;
  }, { unknowns: 'shallow' }),
  def('transpose', [param('values', T.map(T.list(T.string)))], (args) => {
    const out: Record<string, string[]> = {};
    for (const [k, vs] of mapEntries(args, 0)) for (const v of vs as readonly Value[]) (out[String(v)] ??= []).push(k);
    return out;
  }),
  def('matchkeys', [param('values', L), param('keys', L), param('searchset', L)], (args) => {
    const vs = list(args, 0), ks = list(args, 1), ss = list(args, 2);
    if (vs.length !== ks.length) throw new FunctionCallError('length of keys and values should be equal');
    return vs.filter((_, i) => ss.some((s) => valuesEqual(s, ks[i] ?? null)));
  }),
];
