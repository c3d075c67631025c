/**
 * `fileset(path, pattern)`: files (not directories) under `path` whose relative path matches a
 * glob with `*`, `**`, `?`, `[...]` and `{a,b}`. Results use `/` separators and are sorted.
 */
import { readdirSync } from 'node:fs';
import * as nodePath from 'node:path';

/** Converts a glob to an anchored RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob.charAt(i + 1) === '*') {
      const slash = glob.charAt(i + 2) === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += `[${body.startsWith('!') || body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      i = end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) { re += '\\{'; continue; }
      re += `(?:${glob.slice(i + 1, end).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|\\/]/g, (x) => `\\${x}`);
  }
  return new RegExp(`^${re}$`);
}

/** Lists regular files under `root` matching `glob`, relative with `/` separators, sorted. */
export function fileset(root: string, glob: string): string[] {
  const re = globToRegExp(glob.replace(/^\.\//, ''));
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const r = rel === '' ? ent.name : `${rel}/${ent.name}`;
      if (ent.isDirectory()) walk(nodePath.join(dir, ent.name), r);
      else if (ent.isFile() && re.test(r)) out.push(r);
    }
  };
  walk(root, '');
  return out.sort();
}
