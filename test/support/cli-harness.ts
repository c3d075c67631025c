/**
 * Running the real `streamform` CLI from tests: in-process through `main(argv, io)` with captured
 * output, or as a child process of bin/streamform.js. Work directories are fresh temp dirs.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/terminal.js';
import { REPO_ROOT } from './golden.js';

/** Path of the real binary. */
export const BIN = join(REPO_ROOT, 'bin', 'streamform.js');

/** What one CLI run produced. */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Creates a temp work dir holding `files` (path → content). */
export function workdir(files: Readonly<Record<string, string>> = {}, prefix = 'sf-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  writeFiles(dir, files);
  return dir;
}

/** Writes (or overwrites) files in `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** Removes a temp dir. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs `streamform -chdir=dir ...args` in-process with captured output. `env` entries are set on
 * process.env for the duration of the run (undefined deletes). The cwd is restored afterwards.
 */
export async function cli(dir: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    isTTY: false,
    stdinTTY: false,
    prompt: () => Promise.reject(new Error('no terminal in tests')),
  };
  const cwd = process.cwd();
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  try {
    const code = await main(['node', 'streamform', `-chdir=${dir}`, ...args], io);
    return { code, out, err };
  } finally {
    process.chdir(cwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  }
}

/** Runs the real binary synchronously as a child process. */
export function cliChild(dir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, `-chdir=${dir}`, ...args], {
    encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000,
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A running child process of the binary, with its output collected. */
export interface RunningCli {
  readonly child: ChildProcess;
  output(): { readonly out: string; readonly err: string };
  /** Resolves when the process exits (code, or -1 when killed by a signal). */
  readonly exited: Promise<CliResult>;
}

/** Starts the real binary in the background. */
export function spawnCli(dir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, `-chdir=${dir}`, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<CliResult>((resolve) => {
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
  return { child, output: () => ({ out, err }), exited };
}

/**
 * Polls `check` (every 20 ms) until it returns a value, or fails after `timeoutMs` — or as soon
 * as `running` (the process expected to bring the condition about) has exited.
 */
export async function pollUntil<T>(what: string, check: () => T | undefined, running?: RunningCli, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (running && running.child.exitCode !== null) {
      const o = running.output();
      throw new Error(`process exited (${running.child.exitCode}) before ${what}:\n${o.err}\n${o.out}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Removes ANSI colour codes. */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '');
}
