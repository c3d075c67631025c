/**
 * Terraform's `format` / `formatlist` verbs: %v %#v %t %s %q %d %b %o %x %X %e %E %f %g %G %%,
 * with flags (`-` `+` ` ` `0`), width, precision and explicit argument indexes (`%[2]s`).
 */
import { def, FunctionArgError, FunctionCallError, param, str, type FunctionDef } from './function-def.js';
import { canonicalJSON } from './json-text.js';
import { T } from './types.js';
import { isUnknown, UNKNOWN, type Value } from './value.js';
import { asBool, asNumber, asString, formatNumber, typeNameOf } from './value-conversion.js';

const VERB = /%([-+ 0#]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

/** Formats `args` with a Terraform format spec. */
export function formatValues(spec: string, args: readonly Value[]): string {
  let next = 0;
  return spec.replace(VERB, (_m, flags: string, argIdx: string | undefined, width: string | undefined, prec: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (argIdx !== undefined) next = Number(argIdx) - 1;
    if (next >= args.length) throw new FunctionCallError(`not enough arguments for the %${verb} verb at argument ${next + 1}: only ${args.length} given`);
    const v = args[next++] ?? null;
    const body = formatOne(v, verb, flags, prec === undefined ? undefined : Number(prec), next);
    return pad(body, flags, width === undefined ? 0 : Number(width), verb);
  });
}

function formatOne(v: Value, verb: string, flags: string, prec: number | undefined, argNo: number): string {
  const need = (what: string): never => { throw new FunctionCallError(`unsupported value for "%${verb}" at ${argNo}: ${what} required, but have ${typeNameOf(v)}`); };
  switch (verb) {
    case 'v':
      if (flags.includes('#')) return canonicalJSON(v);
      if (v === null) return 'null';
      return asString(v) ?? canonicalJSON(v);
    case 't': { const b = asBool(v); return b === undefined ? need('bool') : String(b); }
    case 's': { const s = asString(v); if (s === undefined) return need('string'); return prec === undefined ? s : [...s].slice(0, prec).join(''); }
    case 'q': { const s = asString(v); return s === undefined ? need('string') : JSON.stringify(s); }
    case 'd': case 'b': case 'o': case 'x': case 'X': {
      const n = asNumber(v);
      if (n === undefined) return need('number');
      if (!Number.isInteger(n)) throw new FunctionCallError(`unsupported value for "%${verb}" at ${argNo}: an integer is required`);
      const base = verb === 'd' ? 10 : verb === 'b' ? 2 : verb === 'o' ? 8 : 16;
      const digits = Math.abs(n).toString(base);
      return sign(n, flags) + (verb === 'X' ? digits.toUpperCase() : digits);
    }
    case 'e': case 'E': case 'f': case 'g': case 'G': {
      const n = asNumber(v);
      if (n === undefined) return need('number');
      let out: string;
      if (verb === 'f') out = Math.abs(n).toFixed(prec ?? 6);
      else if (verb === 'e' || verb === 'E') out = Math.abs(n).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      else out = prec === undefined ? formatNumber(Math.abs(n)) : String(Number(Math.abs(n).toPrecision(prec)));
      return sign(n, flags) + (verb === 'E' || verb === 'G' ? out.toUpperCase() : out);
    }
    default:
      throw new FunctionCallError(`unrecognized format verb "%${verb}"`);
  }
}

function sign(n: number, flags: string): string {
  if (n < 0) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function pad(s: string, flags: string, width: number, verb: string): string {
  const len = [...s].length;
  if (len >= width) return s;
  if (flags.includes('-')) return s + ' '.repeat(width - len);
  if (flags.includes('0') && 'dbfeEgGxXo'.includes(verb)) {
    const signChar = /^[-+ ]/.test(s) ? s.charAt(0) : '';
    return signChar + '0'.repeat(width - len) + s.slice(signChar.length);
  }
  return ' '.repeat(width - len) + s;
}

/** format and formatlist. */
export const formatFunctions: readonly FunctionDef[] = [
  def('format', [param('format', T.string)], (args) => formatValues(str(args, 0), args.slice(1)),
    { variadic: param('args', T.any, { allowNull: true }) }),
  def('formatlist', [param('format', T.string)], (args) => {
    const spec = str(args, 0);
    const rest = args.slice(1);
    let n: number | undefined;
    rest.forEach((a, i) => {
      if (!Array.isArray(a)) return;
      if (n !== undefined && a.length !== n) throw new FunctionArgError(i + 1, `argument ${i + 2} has length ${a.length}, which does not match ${n} from an earlier argument; all list arguments must have the same length`);
      n = a.length;
    });
    if (n === undefined) return [formatValues(spec, rest)];
    const out: Value[] = [];
    for (let i = 0; i < n; i++) {
      const row = rest.map((a) => (Array.isArray(a) ? (a as readonly Value[])[i] ?? null : a));
      out.push(row.some((v) => isUnknown(v)) ? UNKNOWN : formatValues(spec, row));
    }
    return out;
  }, { variadic: param('args', T.any, { allowNull: true }), unknowns: 'shallow' }),
];
