/**
 * Golden files: `goldenDir(dir).expect(name, text)` compares `text` with dir/name, and
 * UPDATE_GOLDEN=1 rewrites the file instead. `unused(subdirs)` lists golden files under the
 * directory that no test compared against, so an orphaned golden fails the run.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled from dist/test/support/; goldens stay in the source tree). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** True when goldens should be rewritten rather than compared. */
export function updatingGoldens(): boolean {
  return process.env['UPDATE_GOLDEN'] === '1';
}

/** A directory of golden files and the set of them compared so far. */
export interface GoldenDir {
  readonly dir: string;
  /** Asserts `actual` equals the golden file `name` (a path relative to the dir), or rewrites it. */
  expect(name: string, actual: string): void;
  /** Reads a golden (or fixture) file and marks it as used. */
  read(name: string): string | undefined;
  /** Golden files (matching `isGolden`) under the dir that no test compared or read. */
  unused(isGolden?: (relPath: string) => boolean): string[];
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}

/** Opens the golden directory `relDir` (relative to the repository root). */
export function goldenDir(relDir: string): GoldenDir {
  const dir = join(REPO_ROOT, relDir);
  const used = new Set<string>();
  return {
    dir,
    expect(name, actual) {
      used.add(name);
      const file = join(dir, name);
      if (updatingGoldens()) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      assert.ok(existsSync(file), `missing golden ${relDir}/${name}; run with UPDATE_GOLDEN=1 and review it`);
      assert.equal(actual, readFileSync(file, 'utf8'), `output differs from golden ${relDir}/${name} (UPDATE_GOLDEN=1 rewrites it)`);
    },
    read(name) {
      used.add(name);
      const file = join(dir, name);
      return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    },
    unused(isGolden = () => true) {
      return walk(dir).map((p) => relative(dir, p).split('\\').join('/'))
        .filter((p) => isGolden(p) && !used.has(p)).sort();
    },
  };
}
