/**
 * Golden files for the view tests: `expectGolden(name, text)` compares with
 * test/views/golden/<name>; UPDATE_GOLDEN=1 rewrites it. `unusedGoldens()` lists files no test
 * compared against, so orphaned goldens fail the run.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled to dist/test/views/; the goldens stay in the source tree.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const GOLDEN_DIR = join(ROOT, 'test', 'views', 'golden');
const used = new Set<string>();

/** Asserts `actual` equals the golden file `name` (or rewrites it under UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string): void {
  used.add(name);
  const file = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `missing golden ${name}; run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden ${name}`);
}

/** Golden files no test asked for. */
export function unusedGoldens(): string[] {
  return readdirSync(GOLDEN_DIR).filter((f) => !used.has(f)).sort();
}
