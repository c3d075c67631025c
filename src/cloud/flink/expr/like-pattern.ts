/**
 * LIKE and SIMILAR TO patterns compiled once to anchored RegExps (cached for non-literal
 * patterns). LIKE: `%` any sequence, `_` one character, optional one-character ESCAPE.
 * SIMILAR TO: SQL regular expressions (`%`, `_`, `|`, `*`, `+`, `?`, `{m,n}`, groups, brackets).
 */
import { SqlRuntimeError } from '../types/index.js';

const cache = new Map<string, RegExp>();
const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

function invalid(pattern: string, why: string): never {
  throw new SqlRuntimeError('invalid-argument', `Invalid escape sequence '${pattern}', ${why}`);
}

/** Compiles a LIKE pattern; throws a SqlRuntimeError on a dangling escape. */
export function likeRegex(pattern: string, escape?: string): RegExp {
  const key = `L${escape ?? ''}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (escape !== undefined && escape.length !== 1) throw new SqlRuntimeError('invalid-argument', `Invalid escape character '${escape}'`);
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const n = pattern[i + 1];
      if (n === undefined || (n !== '%' && n !== '_' && n !== escape)) invalid(pattern, `${escape} must be followed by %, _ or itself`);
      src += n.replace(SPECIAL, '\\$&');
      i++;
    } else if (c === '%') src += '[\\s\\S]*';
    else if (c === '_') src += '[\\s\\S]';
    else src += c.replace(SPECIAL, '\\$&');
  }
  const re = new RegExp(`^${src}$`);
  remember(key, re);
  return re;
}

/** Compiles a SIMILAR TO pattern. */
export function similarRegex(pattern: string, escape?: string): RegExp {
  const key = `S${escape ?? ''}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let src = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const n = pattern[i + 1];
      if (n === undefined) invalid(pattern, 'trailing escape');
      src += n.replace(SPECIAL, '\\$&');
      i++;
      continue;
    }
    if (inBracket) { if (c === ']') inBracket = false; src += c === '\\' ? '\\\\' : c; continue; }
    switch (c) {
      case '%': src += '[\\s\\S]*'; break;
      case '_': src += '[\\s\\S]'; break;
      case '[': inBracket = true; src += c; break;
      case '|': case '*': case '+': case '?': case '{': case '}': case '(': case ')': src += c; break;
      default: src += c.replace(SPECIAL, '\\$&');
    }
  }
  let re: RegExp;
  try { re = new RegExp(`^(?:${src})$`); } catch { throw new SqlRuntimeError('invalid-argument', `Invalid regular expression '${pattern}'`); }
  remember(key, re);
  return re;
}

function remember(key: string, re: RegExp): void {
  if (cache.size > 1000) cache.clear();
  cache.set(key, re);
}
