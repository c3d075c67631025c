/**
 * Filesystem functions. Relative paths resolve against the context's base directory (the
 * module directory); absolute paths, as produced by `"${path.module}/x"`, are used as given.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import { def, FunctionArgError, FunctionCallError, obj, param, str, type FunctionContext, type FunctionDef } from './function-def.js';
import { fileset } from './fileset-glob.js';
import { T } from './types.js';

function resolvePath(fc: FunctionContext, p: string): string {
  const expanded = p.startsWith('~/') ? nodePath.join(homedir(), p.slice(2)) : p;
  return nodePath.resolve(fc.ctx.baseDir, expanded);
}

function readBytes(fc: FunctionContext, p: string): Buffer {
  try {
    return readFileSync(resolvePath(fc, p));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new FunctionArgError(0, code === 'ENOENT' ? `no file exists at ${JSON.stringify(p)}` : `cannot read ${JSON.stringify(p)}: ${String(code ?? e)}`);
  }
}

function fileHash(name: string, alg: string, encoding: 'hex' | 'base64'): FunctionDef {
  return def(name, [param('path', T.string)], (args, fc) => createHash(alg).update(readBytes(fc, str(args, 0))).digest(encoding));
}

function readText(fc: FunctionContext, p: string): string {
  const buf = readBytes(fc, p);
  const text = buf.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(buf)) throw new FunctionArgError(0, `contents of ${JSON.stringify(p)} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents`);
  return text;
}

/** Filesystem built-ins. */
export const filesystemFunctions: readonly FunctionDef[] = [
  def('file', [param('path', T.string)], (args, fc) => readText(fc, str(args, 0))),
  def('filebase64', [param('path', T.string)], (args, fc) => readBytes(fc, str(args, 0)).toString('base64')),
  fileHash('filemd5', 'md5', 'hex'),
  fileHash('filesha1', 'sha1', 'hex'),
  fileHash('filesha256', 'sha256', 'hex'),
  fileHash('filesha512', 'sha512', 'hex'),
  fileHash('filebase64sha256', 'sha256', 'base64'),
  fileHash('filebase64sha512', 'sha512', 'base64'),
  def('fileset', [param('path', T.string), param('pattern', T.string)], (args, fc) => {
    const root = resolvePath(fc, str(args, 0));
    if (!existsSync(root)) return [];
    if (!statSync(root).isDirectory()) throw new FunctionArgError(0, `${JSON.stringify(str(args, 0))} is not a directory`);
    return fileset(root, str(args, 1));
  }),
  def('fileexists', [param('path', T.string)], (args, fc) => {
    const full = resolvePath(fc, str(args, 0));
    if (!existsSync(full)) return false;
    if (!statSync(full).isFile()) throw new FunctionArgError(0, `${JSON.stringify(str(args, 0))} is not a regular file`);
    return true;
  }),
  def('templatefile', [param('path', T.string), param('vars', T.map(T.any))], (args, fc) => {
    const p = str(args, 0);
    const text = readText(fc, p);
    if (text.length > 10_000_000) throw new FunctionCallError('template file is too large');
    return fc.renderTemplate(text, obj(args, 1), resolvePath(fc, p));
  }),
  def('templatestring', [param('template', T.string), param('vars', T.map(T.any))], (args, fc) => fc.renderTemplate(str(args, 0), obj(args, 1), fc.ctx.file)),
  def('abspath', [param('path', T.string)], (args, fc) => resolvePath(fc, str(args, 0)).split(nodePath.sep).join('/')),
  def('basename', [param('path', T.string)], (args) => nodePath.basename(str(args, 0))),
  def('dirname', [param('path', T.string)], (args) => nodePath.dirname(str(args, 0))),
  def('pathexpand', [param('path', T.string)], (args) => {
    const p = str(args, 0);
    return p === '~' ? homedir() : p.startsWith('~/') ? nodePath.join(homedir(), p.slice(2)) : p;
  }),
];
