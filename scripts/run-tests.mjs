#!/usr/bin/env node
// Runs every compiled test file (dist/**/*.test.js) with node's test runner. Node 20's runner does
// not expand globs itself and npm's shell has no `**`, so the list is built here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.js')) out.push(relative(root, p));
  }
  return out;
}
let files = walk(join(root, 'dist')).sort();
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (!files.length) { console.error('no test files found under dist/ (did the build run?)'); process.exit(1); }
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
