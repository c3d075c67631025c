/** String functions: join, split, replace, case, trimming, substrings and predicates. */
import { def, FunctionArgError, list, num, param, str, type FunctionDef } from './function-def.js';
import { toJsRegExp } from './regex-functions.js';
import { T } from './types.js';
import { isUnknown, UNKNOWN } from './value.js';
import { asString } from './value-conversion.js';

const S = T.string;

function chars(s: string): string[] {
  return [...s];
}

/** String built-ins. */
export const stringFunctions: readonly FunctionDef[] = [
  def('join', [param('separator', S)], (args) => {
    const sep = args[0] as string;
    const parts: string[] = [];
    for (let i = 1; i < args.length; i++) {
      for (const v of list(args, i)) {
        if (isUnknown(v)) return UNKNOWN;
        const s = asString(v);
        if (s === undefined) throw new FunctionArgError(i, `element of list ${i} must be a string, but have ${v === null ? 'null' : typeof v}`);
        parts.push(s);
      }
    }
    return parts.join(sep);
  }, { variadic: param('lists', T.list(T.any)), unknowns: 'shallow' }),
  def('split', [param('separator', S), param('str', S)], (args) => str(args, 1).split(str(args, 0))),
  def('replace', [param('str', S), param('substr', S), param('replace', S)], (args) => {
    const [s, sub, rep] = [str(args, 0), str(args, 1), str(args, 2)];
    if (sub.length > 1 && sub.startsWith('/') && sub.endsWith('/')) {
      const re = toJsRegExp(sub.slice(1, -1), 1, 'g');
      return s.replace(re, rep.replace(/\$\{(\w+)\}/g, '$<$1>').replace(/\$(\d+)/g, '$$$1'));
    }
    return sub === '' ? s : s.split(sub).join(rep);
  }),
  def('lower', [param('str', S)], (args) => str(args, 0).toLowerCase()),
  def('upper', [param('str', S)], (args) => str(args, 0).toUpperCase()),
  def('title', [param('str', S)], (args) => str(args, 0).replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase())),
  def('strrev', [param('str', S)], (args) => chars(str(args, 0)).reverse().join('')),
  def('trim', [param('str', S), param('cutset', S)], (args) => {
    const cut = new Set(chars(str(args, 1)));
    const cs = chars(str(args, 0));
    let a = 0, b = cs.length;
    while (a < b && cut.has(cs[a] ?? '')) a++;
    while (b > a && cut.has(cs[b - 1] ?? '')) b--;
    return cs.slice(a, b).join('');
  }),
  def('trimspace', [param('str', S)], (args) => str(args, 0).trim()),
  def('trimprefix', [param('str', S), param('prefix', S)], (args) => {
    const [s, p] = [str(args, 0), str(args, 1)];
    return s.startsWith(p) ? s.slice(p.length) : s;
  }),
  def('trimsuffix', [param('str', S), param('suffix', S)], (args) => {
    const [s, p] = [str(args, 0), str(args, 1)];
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }),
  def('chomp', [param('str', S)], (args) => str(args, 0).replace(/(\r?\n)+$/, '')),
  def('indent', [param('spaces', T.number), param('str', S)], (args) => {
    const n = num(args, 0);
    if (!Number.isInteger(n) || n < 0) throw new FunctionArgError(0, 'the number of spaces must be a whole number, zero or more');
    return str(args, 1).replace(/\n/g, `\n${' '.repeat(n)}`);
  }),
  def('substr', [param('str', S), param('offset', T.number), param('length', T.number)], (args) => {
    const cs = chars(str(args, 0));
    let off = num(args, 1);
    let len = num(args, 2);
    if (off < 0) off = cs.length + off;
    if (off < 0 || off > cs.length) throw new FunctionArgError(1, 'offset is out of range for the string');
    if (len < 0 || off + len > cs.length) len = cs.length - off;
    return cs.slice(off, off + len).join('');
  }),
  def('startswith', [param('str', S), param('prefix', S)], (args) => str(args, 0).startsWith(str(args, 1))),
  def('endswith', [param('str', S), param('suffix', S)], (args) => str(args, 0).endsWith(str(args, 1))),
  def('strcontains', [param('str', S), param('substr', S)], (args) => str(args, 0).includes(str(args, 1))),
];
