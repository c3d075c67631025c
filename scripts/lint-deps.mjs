#!/usr/bin/env node
// Keeps dependency direction (house rule 10): lower layers never import higher ones, and a folder
// is entered only through its index.ts. Exits 1 listing every offending import.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

// Which top-level areas each area may import (besides itself).
const allowed = {
  shared: [],
  provisioner: ['shared'],
  cloud: ['shared'],
  views: ['shared', 'provisioner', 'cloud'],
  cli: ['shared', 'provisioner', 'cloud', 'views'],
};
// Inside cloud/flink the SQL path points one way.
const flinkOrder = ['types', 'expr', 'catalog', 'sql', 'binder', 'planner', 'runtime', 'statements'];
const flinkAllowed = {
  types: [], sql: ['types'], expr: ['types'], catalog: ['types', 'sql'],
  binder: ['types', 'expr', 'catalog', 'sql'],
  planner: ['types', 'expr', 'catalog', 'sql', 'binder'],
  runtime: ['types', 'expr', 'catalog', 'sql', 'binder', 'planner'],
  statements: flinkOrder,
  // The executor drives statements from the store through the runtime: it sits on top.
  executor: [...flinkOrder, 'statements'],
};

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const problems = [];
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of walk(src)) {
  const text = readFileSync(file, 'utf8');
  const relFile = relative(src, file).split(sep);
  const area = relFile[0];
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (!spec || !spec.startsWith('.')) continue;
    const target = relative(src, resolve(dirname(file), spec)).split(sep);
    if (target[0] === '..') { problems.push(`${relative(root, file)}: imports outside src: ${spec}`); continue; }
    const tArea = target[0];
    if (tArea !== area && !(allowed[area] ?? []).includes(tArea)) {
      problems.push(`${relative(root, file)}: ${area}/ must not import ${tArea}/ (${spec})`);
      continue;
    }
    // Folder doors: crossing into another second-level folder must go through its index.
    const isTest = file.endsWith('.test.ts');
    const fromFolder = relFile.length > 2 ? relFile.slice(0, 2).join('/') : relFile[0];
    const toFolder = target.length > 2 ? target.slice(0, 2).join('/') : target[0];
    if (!isTest && fromFolder !== toFolder && target.length > 2) {
      const sub = target.slice(2).join('/');
      if (sub !== 'index.js' && sub !== 'index.ts') {
        problems.push(`${relative(root, file)}: enter ${toFolder}/ through its index.ts, not ${spec}`);
      }
    }
    // Flink SQL path direction.
    if (area === 'cloud' && tArea === 'cloud' && relFile[1] === 'flink' && target[1] === 'flink' && relFile.length > 3 && target.length > 3) {
      const from = relFile[2], to = target[2];
      if (from !== to && flinkAllowed[from] && !flinkAllowed[from].includes(to)) {
        problems.push(`${relative(root, file)}: flink/${from} must not import flink/${to} (${spec})`);
      }
    }
  }
}
if (problems.length) {
  console.error(`dependency lint: ${problems.length} problem(s)\n` + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log('dependency lint: ok');
