/**
 * Provisioning at scale: generates configurations of 1,000 and 10,000 resources (10 chains of
 * terraform_data each taking the previous one's id, 10 fans of random_id keyed on a root) in a temp dir, and
 * times the real CLI as a child process (wall time): validate, first plan, apply, no-op plan; and
 * the state file size. Goals (issue 2): no-op plan of 10,000 < 2 s, apply of 1,000 < 3 s.
 * Run with `npm run bench:plan`; `-- --sizes=1000` picks sizes, `-- --profile` writes
 * `--cpu-prof` profiles next to the generated config and prints their directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/streamform.js');
const GROUPS = 10;
const GOALS: Readonly<Record<string, number>> = { 'noop-plan@10000': 2000, 'apply@1000': 3000 };

/** HCL for `n` resources: GROUPS chains and GROUPS fans, n/2 resources each. */
export function generateConfig(n: number): string {
  const perGroup = Math.max(1, Math.floor(n / (2 * GROUPS)));
  const parts: string[] = ['variable "tag" {\n  type    = string\n  default = "bench"\n}\n'];
  for (let c = 0; c < GROUPS; c++) {
    for (let j = 0; j < perGroup; j++) {
      const input = j === 0 ? `"\${var.tag}-${c}"` : `"\${terraform_data.chain_${c}_${j - 1}.id}-${j}"`;
      parts.push(`resource "terraform_data" "chain_${c}_${j}" {\n  input = ${input}\n}\n`);
    }
  }
  for (let f = 0; f < GROUPS; f++) {
    parts.push(`resource "random_id" "root_${f}" {\n  byte_length = 4\n}\n`);
    for (let j = 1; j < perGroup; j++) {
      parts.push(`resource "random_id" "fan_${f}_${j}" {\n  byte_length = 4\n  keepers = {\n    root = random_id.root_${f}.hex\n  }\n}\n`);
    }
  }
  parts.push(`output "chain_ends" {\n  value = [${Array.from({ length: GROUPS }, (_, c) => `terraform_data.chain_${c}_${perGroup - 1}.id`).join(', ')}]\n}\n`);
  return parts.join('\n');
}

interface Step { readonly name: string; readonly ms: number; readonly code: number }

function run(dir: string, args: readonly string[], profileDir: string | undefined): Step {
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${args[0]}-${Date.now()}.cpuprofile`] : [];
  const t = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, `-chdir=${dir}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t;
  const code = r.status ?? -1;
  const expected = args.includes('-detailed-exitcode') ? [0, 2] : [0];
  if (!expected.includes(code)) throw new Error(`streamform ${args.join(' ')} exited ${code}:\n${r.stderr}\n${r.stdout.slice(-2000)}`);
  return { name: args[0] ?? '', ms, code };
}

function stateBytes(dir: string): number {
  return readdirSync(dir).filter((f) => f.startsWith('terraform.tfstate.db')).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
}

function benchSize(n: number, profile: boolean): { n: number; rows: [string, number][]; bytes: number; profileDir?: string } {
  const dir = mkdtempSync(join(tmpdir(), `sf-plan-bench-${n}-`));
  const profileDir = profile ? join(dir, 'profiles') : undefined;
  if (profileDir) mkdirSync(profileDir);
  try {
    writeFileSync(join(dir, 'main.tf'), generateConfig(n));
    const rows: [string, number][] = [];
    rows.push(['validate', run(dir, ['validate'], profileDir).ms]);
    // validate filled the parse cache: drop it so the first plan runs cold.
    rmSync(join(dir, '.streamform', 'cache'), { recursive: true, force: true });
    rows.push(['plan (first, cold cache)', run(dir, ['plan', '-detailed-exitcode'], profileDir).ms]);
    rows.push(['apply', run(dir, ['apply', '-auto-approve'], profileDir).ms]);
    const noop = run(dir, ['plan', '-detailed-exitcode'], profileDir);
    if (noop.code !== 0) throw new Error(`no-op plan of ${n} resources found changes (exit ${noop.code})`);
    rows.push(['no-op plan', noop.ms]);
    const bytes = stateBytes(dir);
    return { n, rows, bytes, ...(profileDir ? { profileDir } : {}) };
  } finally {
    if (!profile) rmSync(dir, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): void {
  const sizesArg = argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [1000, 10000];
  const profile = argv.includes('--profile');
  const lines: string[] = ['| resources | step | wall ms | goal |', '|---:|---|---:|---|'];
  let missed = 0;
  for (const n of sizes) {
    const r = benchSize(n, profile);
    for (const [step, ms] of r.rows) {
      const key = `${step === 'no-op plan' ? 'noop-plan' : step}@${n}`;
      const goal = GOALS[key];
      const verdict = goal === undefined ? '' : ms < goal ? `< ${goal} ok` : `< ${goal} MISSED`;
      if (goal !== undefined && ms >= goal) missed++;
      lines.push(`| ${n} | ${step} | ${ms.toFixed(0)} | ${verdict} |`);
    }
    lines.push(`| ${n} | state file | ${(r.bytes / 1024).toFixed(0)} KiB | |`);
    if (r.profileDir) lines.push(`| ${n} | profiles | ${r.profileDir} | |`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  if (missed) process.stdout.write(`${missed} goal(s) missed\n`);
}

main(process.argv.slice(2));
