/** Hash and id functions: md5, sha1, sha256, sha512, base64sha256, base64sha512, uuid. */
import { createHash } from 'node:crypto';
import { def, FunctionArgError, param, str, type FunctionDef } from './function-def.js';
import { T } from './types.js';

function hashHex(alg: string, s: string): string {
  return createHash(alg).update(s, 'utf8').digest('hex');
}

function hashB64(alg: string, s: string): string {
  return createHash(alg).update(s, 'utf8').digest('base64');
}

const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8', url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8', x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** RFC 4122 name-based (SHA-1) UUID; the namespace is a UUID or one of dns, url, oid, x500. */
function uuidV5(namespace: string, name: string): string {
  const ns = NAMESPACES[namespace] ?? namespace;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ns)) throw new FunctionArgError(0, 'must be a UUID or one of "dns", "url", "oid", "x500"');
  const h = createHash('sha1').update(Buffer.from(ns.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Hash built-ins. */
export const hashFunctions: readonly FunctionDef[] = [
  def('md5', [param('str', T.string)], (args) => hashHex('md5', str(args, 0))),
  def('sha1', [param('str', T.string)], (args) => hashHex('sha1', str(args, 0))),
  def('sha256', [param('str', T.string)], (args) => hashHex('sha256', str(args, 0))),
  def('sha512', [param('str', T.string)], (args) => hashHex('sha512', str(args, 0))),
  def('base64sha256', [param('str', T.string)], (args) => hashB64('sha256', str(args, 0))),
  def('base64sha512', [param('str', T.string)], (args) => hashB64('sha512', str(args, 0))),
  def('uuid', [], (_args, fc) => fc.ctx.uuid()),
  def('uuidv5', [param('namespace', T.string), param('name', T.string)], (args) => uuidV5(str(args, 0), str(args, 1))),
];
