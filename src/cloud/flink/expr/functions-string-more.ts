/**
 * String functions, part 2: trimming, padding, charsets (ENCODE/DECODE), base64, URL encoding
 * (Java URLEncoder form: space as '+'), PARSE_URL and ELT.
 */
import { bytesType, stringType, withNullable } from '../types/index.js';
import type { FunctionDef, ScalarFn } from './types.js';
import { anyNullable, checkArgs, defineFunction, strict, strictType } from './function-def.js';
import { intArg, strFn } from './functions-string.js';

const S = stringType();

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  let a = 0; let b = s.length;
  if (left) while (a < b && chars.includes(s[a] as string)) a++;
  if (right) while (b > a && chars.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

function trimFn(name: string, left: boolean, right: boolean): FunctionDef {
  return defineFunction({
    name, signatures: [`${name}(<STRING>)`, `${name}(<STRING>, <STRING> characters)`],
    bind: (site) => checkArgs(site, ['STRING', 'STRING'], { min: 1 }) ?? {
      type: strictType(site, S),
      make: () => strict(site.argTypes.length, (s, c) => trimChars(s as string, c === undefined ? ' ' : (c as string), left, right)),
    },
  });
}

function pad(name: 'LPAD' | 'RPAD'): FunctionDef {
  const left = name === 'LPAD';
  return strFn(name, ['STRING', 'INTEGER', 'STRING'], S, (site) => {
    const r = intArg(site, 1);
    return (s, n, p) => {
      const str = s as string; const len = r(n); const padding = p as string;
      if (len < 0 || padding === '') return null;
      if (len <= str.length) return str.slice(0, len);
      const fill = padding.repeat(Math.ceil((len - str.length) / padding.length)).slice(0, len - str.length);
      return left ? fill + str : str + fill;
    };
  }, { alwaysNullable: true });
}

const CHARSETS = ['US-ASCII', 'ISO-8859-1', 'UTF-8', 'UTF-16BE', 'UTF-16LE', 'UTF-16'];

function encode(s: string, cs: string): Uint8Array | null {
  switch (cs.toUpperCase()) {
    case 'UTF-8': return new Uint8Array(Buffer.from(s, 'utf8'));
    case 'US-ASCII': return new Uint8Array([...s].map((c) => { const x = c.codePointAt(0) ?? 63; return x < 128 ? x : 63; }));
    case 'ISO-8859-1': return new Uint8Array([...s].map((c) => { const x = c.codePointAt(0) ?? 63; return x < 256 ? x : 63; }));
    case 'UTF-16LE': return new Uint8Array(Buffer.from(s, 'utf16le'));
    case 'UTF-16BE': return new Uint8Array(Buffer.from(s, 'utf16le').swap16());
    case 'UTF-16': { const b = Buffer.from(s, 'utf16le').swap16(); const out = new Uint8Array(b.length + 2); out[0] = 0xfe; out[1] = 0xff; out.set(b, 2); return out; }
    default: return null;
  }
}

function decode(b: Uint8Array, cs: string): string | null {
  const buf = Buffer.from(b);
  switch (cs.toUpperCase()) {
    case 'UTF-8': return buf.toString('utf8');
    case 'US-ASCII': return [...buf].map((x) => (x < 128 ? String.fromCharCode(x) : '\uFFFD')).join('');
    case 'ISO-8859-1': return buf.toString('latin1');
    case 'UTF-16LE': return buf.toString('utf16le');
    case 'UTF-16BE': return Buffer.from(buf).swap16().toString('utf16le');
    case 'UTF-16': {
      if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
      const body = buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff ? buf.subarray(2) : buf;
      return Buffer.from(body).swap16().toString('utf16le');
    }
    default: return null;
  }
}

/** Java URLEncoder.encode(s, UTF-8). */
export function urlEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, (c) => '%' + (c.charCodeAt(0).toString(16).toUpperCase()));
}

/** Java URLDecoder.decode(s, UTF-8); null on malformed input. */
export function urlDecode(s: string): string | null {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return null; }
}

/** PARSE_URL parts, following java.net.URL getters. */
export function parseUrl(url: string, part: string, key?: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  const query = u.search.startsWith('?') ? u.search.slice(1) : null;
  switch (part) {
    case 'HOST': return u.hostname === '' ? null : u.hostname;
    case 'PATH': return u.pathname;
    case 'QUERY': {
      if (query === null) return null;
      if (key === undefined) return query;
      const m = new RegExp(`(&|^)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^&]*)`).exec(query);
      return m ? (m[2] ?? null) : null;
    }
    case 'REF': return u.hash.startsWith('#') ? u.hash.slice(1) : null;
    case 'PROTOCOL': return u.protocol.replace(/:$/, '');
    case 'FILE': return u.pathname + (query !== null ? `?${query}` : '');
    case 'AUTHORITY': return u.host === '' ? null : (u.username ? `${userInfo(u)}@` : '') + u.host;
    case 'USERINFO': return u.username ? userInfo(u) : null;
    default: return null;
  }
}

function userInfo(u: URL): string { return u.password ? `${u.username}:${u.password}` : u.username; }

/** String functions, part 2. */
export const stringFunctionsMore: readonly FunctionDef[] = [
  trimFn('LTRIM', true, false), trimFn('RTRIM', false, true), trimFn('BTRIM', true, true),
  defineFunction({
    name: 'TRIM', signatures: ['TRIM(<STRING>)', "TRIM('BOTH'|'LEADING'|'TRAILING', <STRING> characters, <STRING>)"],
    bind: (site) => {
      if (site.argTypes.length === 1) {
        const err = checkArgs(site, ['STRING']);
        return err ?? { type: strictType(site, S), make: () => strict(1, (s) => trimChars(s as string, ' ', true, true)) };
      }
      const err = checkArgs(site, ['STRING', 'STRING', 'STRING']);
      if (err) return err;
      const mode = site.literals[0];
      if (mode !== 'BOTH' && mode !== 'LEADING' && mode !== 'TRAILING') return "the first argument must be the literal 'BOTH', 'LEADING' or 'TRAILING'";
      const l = mode !== 'TRAILING'; const r = mode !== 'LEADING';
      return { type: withNullable(S, anyNullable(site)), make: () => strict(3, (_m, c, s) => trimChars(s as string, c as string, l, r)) };
    },
  }),
  pad('LPAD'), pad('RPAD'),
  defineFunction({
    name: 'ENCODE', signatures: [`ENCODE(<STRING>, <STRING> charset)  charset: ${CHARSETS.join(', ')}`],
    bind: (site) => checkArgs(site, ['STRING', 'STRING']) ?? { type: bytesType(), make: () => strict(2, (s, cs) => encode(s as string, cs as string)) },
  }),
  defineFunction({
    name: 'DECODE', signatures: [`DECODE(<BINARY>, <STRING> charset)  charset: ${CHARSETS.join(', ')}`],
    bind: (site) => checkArgs(site, ['BINARY', 'STRING']) ?? { type: withNullable(S, true), make: () => strict(2, (b, cs) => decode(b as Uint8Array, cs as string)) },
  }),
  defineFunction({
    name: 'TO_BASE64', signatures: ['TO_BASE64(<STRING>)', 'TO_BASE64(<BINARY>)'],
    bind: (site) => checkArgs(site, ['STRING_OR_BINARY']) ?? {
      type: strictType(site, S),
      make: () => strict(1, (x) => (typeof x === 'string' ? Buffer.from(x, 'utf8') : Buffer.from(x as Uint8Array)).toString('base64')),
    },
  }),
  defineFunction({
    name: 'FROM_BASE64', signatures: ['FROM_BASE64(<STRING>)'],
    bind: (site) => checkArgs(site, ['STRING']) ?? {
      type: strictType(site, S),
      make: () => strict(1, (x) => Buffer.from(x as string, 'base64').toString('utf8')),
    },
  }),
  strFn('URL_ENCODE', ['STRING'], S, () => (s) => urlEncode(s as string), { alwaysNullable: true }),
  strFn('URL_DECODE', ['STRING'], S, () => (s) => urlDecode(s as string), { alwaysNullable: true }),
  defineFunction({
    name: 'PARSE_URL', signatures: ["PARSE_URL(<STRING> url, <STRING> part)  part: 'HOST', 'PATH', 'QUERY', 'REF', 'PROTOCOL', 'FILE', 'AUTHORITY', 'USERINFO'", "PARSE_URL(<STRING> url, 'QUERY', <STRING> key)"],
    bind: (site) => checkArgs(site, ['STRING', 'STRING', 'STRING'], { min: 2 }) ?? {
      type: withNullable(S, true),
      make: () => strict(site.argTypes.length, (u, p, k) => parseUrl(u as string, p as string, k as string | undefined)),
    },
  }),
  defineFunction({
    name: 'ELT', signatures: ['ELT(<INTEGER> index, <STRING>, <STRING>...)'],
    bind: (site) => {
      const err = checkArgs(site, ['INTEGER', 'STRING'], { rest: 'STRING' });
      if (err) return err;
      const r = intArg(site, 0);
      const f: ScalarFn = (i, ...xs) => (i === null ? null : xs[r(i) - 1] ?? null);
      return { type: withNullable(S, true), make: () => f };
    },
  }),
];
