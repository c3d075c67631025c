/** Encoding functions: JSON, YAML, base64, URL and CSV. */
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { def, FunctionArgError, param, str, type FunctionDef } from './function-def.js';
import { canonicalJSON } from './json-text.js';
import { T } from './types.js';
import type { Value } from './value.js';

/** Converts decoded JSON/YAML data into a Value (dates and other exotic scalars become strings). */
export function fromPlainData(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.map(fromPlainData);
  if (x instanceof Date) return x.toISOString();
  if (x instanceof Map) return Object.fromEntries([...x.entries()].map(([k, v]) => [String(k), fromPlainData(v)]));
  if (typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fromPlainData(v)]));
  return String(x);
}

function sortKeysDeep(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly Value[]).map(sortKeysDeep);
  const o = v as { readonly [k: string]: Value };
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeysDeep(o[k] ?? null)]));
}

function base64Decode(s: string): string {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) throw new FunctionArgError(0, 'failed to decode base64 data: the string is not valid base64');
  const buf = Buffer.from(s, 'base64');
  const text = buf.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(buf)) throw new FunctionArgError(0, 'the result of decoding the provided string is not valid UTF-8');
  return text;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

function bufferEncoding(name: string, argIndex: number): BufferEncoding {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8') return 'utf8';
  if (n === 'utf16le') return 'utf16le';
  if (n === 'iso88591' || n === 'latin1') return 'latin1';
  if (n === 'ascii' || n === 'usascii') return 'ascii';
  throw new FunctionArgError(argIndex, `unsupported encoding ${JSON.stringify(name)}; supported: UTF-8, UTF-16LE, ISO-8859-1, US-ASCII`);
}

/** Encoding built-ins. */
export const encodingFunctions: readonly FunctionDef[] = [
  def('jsonencode', [param('val', T.any, { allowNull: true })], (args) => canonicalJSON(args[0] ?? null)),
  def('jsondecode', [param('str', T.string)], (args) => {
    try { return fromPlainData(JSON.parse(str(args, 0))); } catch (e) { throw new FunctionArgError(0, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`); }
  }),
  def('yamlencode', [param('value', T.any, { allowNull: true })], (args) => stringifyYaml(sortKeysDeep(args[0] ?? null), { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'QUOTE_DOUBLE', indentSeq: false })),
  def('yamldecode', [param('src', T.string)], (args) => {
    try { return fromPlainData(parseYaml(str(args, 0))); } catch (e) { throw new FunctionArgError(0, `invalid YAML: ${e instanceof Error ? e.message : String(e)}`); }
  }),
  def('base64encode', [param('str', T.string)], (args) => Buffer.from(str(args, 0), 'utf8').toString('base64')),
  def('base64decode', [param('str', T.string)], (args) => base64Decode(str(args, 0))),
  def('base64gzip', [param('str', T.string)], (args) => gzipSync(Buffer.from(str(args, 0), 'utf8')).toString('base64')),
  def('textencodebase64', [param('string', T.string), param('encoding', T.string)], (args) => Buffer.from(str(args, 0), bufferEncoding(str(args, 1), 1)).toString('base64')),
  def('textdecodebase64', [param('source', T.string), param('encoding', T.string)], (args) => Buffer.from(str(args, 0), 'base64').toString(bufferEncoding(str(args, 1), 1))),
  def('urlencode', [param('str', T.string)], (args) => encodeURIComponent(str(args, 0)).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)),
  def('csvdecode', [param('str', T.string)], (args) => {
    const [header, ...rows] = parseCsv(str(args, 0));
    if (header === undefined) throw new FunctionArgError(0, 'missing header line');
    return rows.map((r, i) => {
      if (r.length !== header.length) throw new FunctionArgError(0, `line ${i + 2}: wrong number of fields`);
      return Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']));
    });
  }),
];
