/** Set functions: setunion, setintersection, setsubtract, setproduct. Results are deduplicated. */
import { toSetOrder } from './convert-to-type.js';
import { def, FunctionCallError, list, param, type FunctionDef } from './function-def.js';
import { T } from './types.js';
import { valuesEqual, type Value } from './value.js';

const SET = T.set(T.any);
const has = (l: readonly Value[], v: Value): boolean => l.some((x) => valuesEqual(x, v));

/** Set built-ins. */
export const setFunctions: readonly FunctionDef[] = [
  def('setunion', [param('first_set', SET)], (args) => toSetOrder(args.flatMap((_, i) => [...list(args, i)])), { variadic: param('other_sets', SET) }),
  def('setintersection', [param('first_set', SET)], (args) => {
    const rest = args.slice(1).map((_, i) => list(args, i + 1));
    return toSetOrder(list(args, 0).filter((v) => rest.every((r) => has(r, v))));
  }, { variadic: param('other_sets', SET) }),
  def('setsubtract', [param('a', SET), param('b', SET)], (args) => {
    const b = list(args, 1);
    return toSetOrder(list(args, 0).filter((v) => !has(b, v)));
  }),
  def('setproduct', [], (args) => {
    if (args.length < 2) throw new FunctionCallError('at least two arguments are required');
    let out: Value[][] = [[]];
    for (let i = 0; i < args.length; i++) {
      const l = list(args, i);
      out = out.flatMap((prefix) => l.map((v) => [...prefix, v]));
    }
    return out;
  }, { variadic: param('sets', T.list(T.any)) }),
];
