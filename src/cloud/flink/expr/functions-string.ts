/**
 * String functions, part 1: concatenation, lengths, case, searching and slicing. Strings are JS
 * strings and positions count UTF-16 code units (characters outside the BMP count as two; Flink
 * counts code points — documented difference). SUBSTRING follows Flink: 1-based, a negative start
 * counts from the end, a start past either end is clamped.
 */
import { intType, stringType, mapType, withNullable, SqlRuntimeError } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { CallSite, FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction, intReader, strict, strictType } from './function-def.js';
import type { Family } from './function-def.js';

/** A NULL-strict string function with a fixed signature. */
export function strFn(name: string, families: readonly Family[], result: LogicalType, f: (site: CallSite) => ScalarFn, opts: { min?: number; alwaysNullable?: boolean } = {}): FunctionDef {
  const sig = `${name}(${families.map((x) => `<${x}>`).join(', ')})`;
  return defineFunction({
    name, signatures: [sig],
    bind: (site) => {
      const err = checkArgs(site, families, opts.min !== undefined ? { min: opts.min } : {});
      if (err) return err;
      const type = opts.alwaysNullable ? withNullable(result, true) : strictType(site, result);
      return { type, make: () => strict(site.argTypes.length, f(site)) };
    },
  });
}

/** Reader for an INTEGER-family argument at position i. */
export function intArg(site: CallSite, i: number): (v: unknown) => number {
  const t = site.argTypes[i];
  return t ? intReader(t) : () => 0;
}

/** Flink's SUBSTRING on UTF-16 units (SqlFunctionUtils.subString): a start before the string gives ''. */
export function substringSql(s: string, pos: number, len?: number): string {
  const n = s.length;
  if (n === 0) return '';
  let start: number;
  if (pos > 0) { start = pos - 1; if (start >= n) return ''; }
  else if (pos < 0) { start = n + pos; if (start < 0) return ''; }
  else start = 0;
  const end = len === undefined || n - start < len ? n : start + len;
  return s.slice(start, end);
}

/** Java's String.replace(target, replacement): an empty target inserts between every character. */
export function javaReplace(s: string, a: string, b: string): string {
  if (a === '') return b + [...s].join(b) + (s.length > 0 ? b : '');
  return s.split(a).join(b);
}

/** Flink's INSTR: nth occurrence from a 1-based start; a negative start searches backwards. */
function instr(h: string, n: string, start: number, nth: number): number {
  if (nth <= 0) throw new SqlRuntimeError('invalid-argument', 'nthAppearance must be positive!');
  if (start === 0) return 0;
  if (start > 0) {
    let from = start; let idx = 0;
    for (let i = 0; i < nth; i++) { idx = h.indexOf(n, from - 1) + 1; if (idx === 0) return 0; from = idx + 1; }
    return idx;
  }
  const rev = (x: string): string => [...x].reverse().join('');
  const pos = instr(rev(h), rev(n), -start, nth);
  return pos === 0 ? 0 : h.length + 2 - pos - n.length;
}

function isAlnum(c: string): boolean { return /[\p{L}\p{N}]/u.test(c); }

const S = stringType();

/** String functions, part 1. */
export const stringFunctions: readonly FunctionDef[] = [
  defineFunction({
    name: 'CONCAT', signatures: ['CONCAT(<STRING>, <STRING>...)'],
    bind: (site) => checkArgs(site, ['STRING'], { rest: 'STRING' }) ?? {
      type: strictType(site, S),
      make: () => site.argTypes.length === 2 ? strict(2, (a, b) => (a as string) + (b as string)) : strict(site.argTypes.length, (...xs) => xs.join('')),
    },
  }),
  defineFunction({
    name: '||', signatures: ['<STRING> || <STRING>'],
    bind: (site) => checkArgs(site, ['STRING', 'STRING']) ?? { type: strictType(site, S), make: () => strict(2, (a, b) => (a as string) + (b as string)) },
  }),
  defineFunction({
    name: 'CONCAT_WS', signatures: ['CONCAT_WS(<STRING> separator, <STRING>...)'],
    bind: (site) => checkArgs(site, ['STRING', 'STRING'], { min: 1, rest: 'STRING' }) ?? {
      type: withNullable(S, (site.argTypes[0] as LogicalType).nullable),
      make: () => (sep, ...xs) => (sep === null ? null : xs.filter((x) => x !== null).join(sep as string)),
    },
  }),
  strFn('CHAR_LENGTH', ['STRING'], intType(), () => (s) => (s as string).length),
  strFn('CHARACTER_LENGTH', ['STRING'], intType(), () => (s) => (s as string).length),
  strFn('UPPER', ['STRING'], S, () => (s) => (s as string).toUpperCase()),
  strFn('LOWER', ['STRING'], S, () => (s) => (s as string).toLowerCase()),
  strFn('ASCII', ['STRING'], intType(), () => (s) => ((s as string).length === 0 ? 0 : (s as string).charCodeAt(0) & 0xff)),
  strFn('CHR', ['INTEGER'], S, (site) => { const r = intArg(site, 0); return (x) => { const n = r(x); return n < 0 ? '' : String.fromCharCode(n % 256); }; }),
  strFn('INITCAP', ['STRING'], S, () => (s) => {
    let out = ''; let start = true;
    for (const c of s as string) {
      out += start ? c.toUpperCase() : c.toLowerCase();
      start = !isAlnum(c);
    }
    return out;
  }),
  strFn('REVERSE', ['STRING'], S, () => (s) => [...(s as string)].reverse().join('')),
  strFn('REPEAT', ['STRING', 'INTEGER'], S, (site) => { const r = intArg(site, 1); return (s, n) => { const k = r(n); return k <= 0 ? '' : (s as string).repeat(k); }; }),
  strFn('REPLACE', ['STRING', 'STRING', 'STRING'], S, () => (s, a, b) => javaReplace(s as string, a as string, b as string)),
  strFn('POSITION', ['STRING', 'STRING'], intType(), () => (needle, hay) => (hay as string).indexOf(needle as string) + 1),
  defineFunction({
    name: 'INSTR', signatures: ['INSTR(<STRING>, <STRING>)', 'INSTR(<STRING>, <STRING>, <INTEGER> start)', 'INSTR(<STRING>, <STRING>, <INTEGER> start, <INTEGER> nth)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'INTEGER', 'INTEGER'], { min: 2 });
      if (err) return err;
      const rs = intArg(site, 2); const rn = intArg(site, 3);
      return {
        type: strictType(site, intType()),
        make: () => strict(site.argTypes.length, (h, n, st, nth) => instr(h as string, n as string, st === undefined ? 1 : rs(st), nth === undefined ? 1 : rn(nth))),
      };
    },
  }),
  defineFunction({
    name: 'LOCATE', signatures: ['LOCATE(<STRING> needle, <STRING> haystack)', 'LOCATE(<STRING>, <STRING>, <INTEGER> start)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'INTEGER'], { min: 2 });
      if (err) return err;
      const r = intArg(site, 2);
      return {
        type: strictType(site, intType()),
        make: () => strict(site.argTypes.length, (n, h, p) => {
          const start = p === undefined ? 1 : r(p);
          if (start < 1) return 0;
          return (h as string).indexOf(n as string, start - 1) + 1;
        }),
      };
    },
  }),
  strFn('LEFT', ['STRING', 'INTEGER'], S, (site) => { const r = intArg(site, 1); return (s, n) => { const k = r(n); return k <= 0 ? '' : (s as string).slice(0, k); }; }),
  strFn('RIGHT', ['STRING', 'INTEGER'], S, (site) => {
    const r = intArg(site, 1);
    return (s, n) => { const k = r(n); const str = s as string; return k <= 0 ? '' : k >= str.length ? str : str.slice(str.length - k); };
  }),
  ...['SUBSTRING', 'SUBSTR'].map((name) => defineFunction({
    name, signatures: [`${name}(<STRING>, <INTEGER> start)`, `${name}(<STRING>, <INTEGER> start, <INTEGER> length)`],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'INTEGER', 'INTEGER'], { min: 2 });
      if (err) return err;
      const p = intArg(site, 1); const l = intArg(site, 2);
      const three = site.argTypes.length === 3;
      return {
        type: withNullable(S, anyNullable(site) || three),
        make: () => (three
          ? strict(3, (s, a, b) => { const len = l(b); return len < 0 ? null : substringSql(s as string, p(a), len); })
          : strict(2, (s, a) => substringSql(s as string, p(a)))),
      };
    },
  })),
  defineFunction({
    name: 'OVERLAY', signatures: ['OVERLAY(<STRING> PLACING <STRING> FROM <INTEGER> [FOR <INTEGER>])'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'INTEGER', 'INTEGER'], { min: 3 });
      if (err) return err;
      const p = intArg(site, 2); const l = intArg(site, 3);
      return {
        type: strictType(site, S),
        make: () => strict(site.argTypes.length, (s, r, from, len) => {
          const str = s as string; const rep = r as string;
          const start = p(from);
          const n = len === undefined ? rep.length : l(len);
          if (start <= 0 || start > str.length) return str;
          return str.slice(0, start - 1) + rep + (start + n <= str.length && n > 0 ? str.slice(start - 1 + n) : '');
        }),
      };
    },
  }),
  strFn('SPLIT_INDEX', ['STRING', 'STRING', 'INTEGER'], S, (site) => {
    const r = intArg(site, 2);
    return (s, d, i) => {
      const k = r(i);
      if (k < 0 || s === '') return null;
      const parts = (d as string) === '' ? [s as string] : (s as string).split(d as string);
      return parts[k] ?? null;
    };
  }, { alwaysNullable: true }),
  strFn('TRANSLATE', ['STRING', 'STRING', 'STRING'], S, () => (s, from, to) => {
    const f = from as string; const t = to as string;
    let out = '';
    for (const c of s as string) {
      const i = f.indexOf(c);
      out += i < 0 ? c : i < t.length ? t[i] : '';
    }
    return out;
  }),
  defineFunction({
    name: 'STR_TO_MAP', signatures: ['STR_TO_MAP(<STRING>)', 'STR_TO_MAP(<STRING>, <STRING> listDelimiter, <STRING> keyValueDelimiter)'],
    bind: (site) => {
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING'], { min: 1 });
      if (err) return err;
      if (site.argTypes.length === 2) return 'wrong number of arguments';
      return {
        type: strictType(site, mapType(S, S)),
        make: () => strict(site.argTypes.length, (s, ld, kd) => {
          const list = new RegExp(ld === undefined ? ',' : (ld as string), 'u');
          const kv = new RegExp(kd === undefined ? '=' : (kd as string), 'u');
          const m = new Map<unknown, unknown>();
          if (s === '') return m;
          const entries = (s as string).split(list);
          while (entries.length > 0 && entries[entries.length - 1] === '') entries.pop();
          for (const entry of entries) {
            const hit = kv.exec(entry);
            if (hit) m.set(entry.slice(0, hit.index), entry.slice(hit.index + hit[0].length));
            else m.set(entry, null);
          }
          return m;
        }),
      };
    },
  }),
];

