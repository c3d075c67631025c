/**
 * regex and regexall, using JavaScript RegExp for Terraform's RE2 patterns. Named groups give an
 * object, unnamed groups a list, no groups the whole match. `(?i)`-style leading flags are
 * translated; other RE2-only syntax is rejected by RegExp with an argument error.
 */
import { def, FunctionArgError, FunctionCallError, param, str, type FunctionDef } from './function-def.js';
import { T } from './types.js';
import type { Value } from './value.js';

/** Compiles an RE2-style pattern; `argIndex` names the argument in errors. */
export function toJsRegExp(pattern: string, argIndex: number, extraFlags = ''): RegExp {
  let p = pattern;
  let flags = 'u' + extraFlags;
  const lead = /^\(\?([imsU]+)\)/.exec(p);
  if (lead?.[1] !== undefined) {
    p = p.slice(lead[0].length);
    for (const f of lead[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  p = p.replace(/\(\?P</g, '(?<').replace(/\\z/g, '$').replace(/\\A/g, '^');
  try {
    return new RegExp(p, flags);
  } catch (e) {
    throw new FunctionArgError(argIndex, `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function matchValue(m: RegExpExecArray): Value {
  if (m.groups !== undefined && Object.keys(m.groups).length > 0) {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(m.groups)) out[k] = v ?? null;
    return out;
  }
  if (m.length > 1) return m.slice(1).map((g) => g ?? null);
  return m[0];
}

/** Regex built-ins. */
export const regexFunctions: readonly FunctionDef[] = [
  def('regex', [param('pattern', T.string), param('string', T.string)], (args) => {
    const m = toJsRegExp(str(args, 0), 0).exec(str(args, 1));
    if (m === null) throw new FunctionCallError('pattern did not match any part of the given string');
    return matchValue(m);
  }),
  def('regexall', [param('pattern', T.string), param('string', T.string)], (args) => {
    const re = toJsRegExp(str(args, 0), 0, 'g');
    return [...str(args, 1).matchAll(re)].map((m) => matchValue(m as RegExpExecArray));
  }),
];
