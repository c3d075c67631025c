/**
 * Every folder in examples/ is also an end-to-end test: copied to a temporary directory and run
 * through init, validate, plan, apply, a no-op plan, outputs and destroy with the real CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/terminal.js';

const root = new URL('../../../', import.meta.url).pathname;

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '', stderr: '', isTTY: false, stdinTTY: false,
    out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; },
    prompt: async () => '',
  };
  return io;
}

async function run(dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const cwd = process.cwd();
  try {
    const code = await main(['node', 'streamform', `-chdir=${dir}`, ...args], io);
    return { code, out: io.stdout, err: io.stderr };
  } finally { process.chdir(cwd); }
}

/** Examples with their own, deeper end-to-end test (seeded data, checked results). */
const OWN_TEST: Readonly<Record<string, string>> = { 'shoe-store': 'covered by test/e2e/shoe-store.test.ts' };

function rootModuleOf(example: string): string {
  const envs = join(root, 'examples', example, 'environments');
  if (existsSync(envs)) return join('environments', readdirSync(envs).sort()[0]!);
  return '.';
}

for (const example of readdirSync(join(root, 'examples')).filter((n) => statSync(join(root, 'examples', n)).isDirectory()).sort()) {
  test(`examples/${example}`, { skip: OWN_TEST[example] ?? false }, async () => {
    const tmp = mkdtempSync(join(tmpdir(), `sf-example-${example}-`));
    try {
      cpSync(join(root, 'examples', example), tmp, { recursive: true, filter: (p) => !/terraform\.tfstate\.db|\.streamform|[/\\]state[/\\]/.test(p) });
      const dir = join(tmp, rootModuleOf(example));
      assert.equal((await run(dir, 'init')).code, 0);
      const v = await run(dir, 'validate', '-json');
      assert.equal(v.code, 0, v.out);
      assert.equal((JSON.parse(v.out) as { valid: boolean }).valid, true);
      const plan = await run(dir, 'plan', '-no-color', '-detailed-exitcode');
      assert.equal(plan.code, 2, plan.out + plan.err);
      assert.match(plan.out, /Plan: \d+ to add, 0 to change, 0 to destroy\./);
      const apply = await run(dir, 'apply', '-auto-approve', '-no-color');
      assert.equal(apply.code, 0, apply.out + apply.err);
      assert.match(apply.out, /Apply complete!/);
      const again = await run(dir, 'plan', '-no-color', '-detailed-exitcode');
      assert.equal(again.code, 0, again.out);
      const out = await run(dir, 'output', '-json');
      assert.equal(out.code, 0);
      assert.ok(Object.keys(JSON.parse(out.out) as object).length > 0);
      const destroy = await run(dir, 'destroy', '-auto-approve', '-no-color');
      assert.equal(destroy.code, 0, destroy.out + destroy.err);
      assert.equal((await run(dir, 'state', 'list')).out, '');
    } finally {
      // Examples on the confluent provider autostart a local cloud in their folder; stop it.
      if (existsSync(join(tmp, rootModuleOf(example), '.streamform'))) await run(join(tmp, rootModuleOf(example)), 'cloud', 'stop');
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}
