/** Numeric functions: min, max, abs, ceil, floor, sum, pow, log, signum, parseint. */
import { def, FunctionArgError, FunctionCallError, list, num, param, str, type FunctionDef } from './function-def.js';
import { T } from './types.js';
import { asNumber } from './value-conversion.js';

const N = T.number;

/** Numeric built-ins. */
export const numericFunctions: readonly FunctionDef[] = [
  def('min', [], (args) => {
    if (args.length === 0) throw new FunctionCallError('must pass at least one number');
    return Math.min(...args.map((_, i) => num(args, i)));
  }, { variadic: param('numbers', N) }),
  def('max', [], (args) => {
    if (args.length === 0) throw new FunctionCallError('must pass at least one number');
    return Math.max(...args.map((_, i) => num(args, i)));
  }, { variadic: param('numbers', N) }),
  def('abs', [param('num', N)], (args) => Math.abs(num(args, 0))),
  def('ceil', [param('num', N)], (args) => Math.ceil(num(args, 0))),
  def('floor', [param('num', N)], (args) => Math.floor(num(args, 0))),
  def('signum', [param('num', N)], (args) => Math.sign(num(args, 0))),
  def('pow', [param('num', N), param('power', N)], (args) => num(args, 0) ** num(args, 1)),
  def('log', [param('num', N), param('base', N)], (args) => Math.log(num(args, 0)) / Math.log(num(args, 1))),
  def('sum', [param('list', T.list(T.any))], (args) => {
    const l = list(args, 0);
    if (l.length === 0) throw new FunctionArgError(0, 'cannot sum an empty list');
    return l.reduce<number>((acc, v, i) => {
      const n = asNumber(v);
      if (n === undefined) throw new FunctionArgError(0, `element ${i} is not a number`);
      return acc + n;
    }, 0);
  }),
  def('parseint', [param('number', T.string), param('base', N)], (args) => {
    const s = str(args, 0), base = num(args, 1);
    if (!Number.isInteger(base) || base < 2 || base > 62) throw new FunctionArgError(1, 'base must be a whole number between 2 and 62 inclusive');
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const m = /^([+-]?)(.+)$/.exec(s);
    const body = m?.[2] ?? '';
    let n = 0;
    for (const ch of body) {
      const d = base <= 36 ? digits.indexOf(ch.toLowerCase()) : digits.indexOf(ch);
      if (d < 0 || d >= base) throw new FunctionArgError(0, `cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
      n = n * base + d;
    }
    if (body === '') throw new FunctionArgError(0, `cannot parse ${JSON.stringify(s)} as a base ${base} integer`);
    return m?.[1] === '-' ? -n : n;
  }),
];
