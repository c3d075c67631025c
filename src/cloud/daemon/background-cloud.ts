/**
 * Finding, spawning and stopping a local cloud that runs in the background, for the CLI's
 * `streamform cloud start|stop|status`. The background process is `node <bin> cloud start
 * --foreground --data-dir …` (or any command given), detached, logging to `<dataDir>/cloud.log`.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CloudState } from './cloud-state-file.js';
import { logFilePath, readCloudState, removeCloudState } from './cloud-state-file.js';
import { healthAnswers, isProcessAlive, pause } from './process-probe.js';
import { dataDirLockHolder } from '../data-dir-lock.js';

/** The CLI entry (`bin/streamform.js`), resolved from dist/src/cloud/daemon/. */
export const BIN_PATH: string = fileURLToPath(new URL('../../../../bin/streamform.js', import.meta.url));

/** The running cloud of a data dir: its pid is alive AND it answers /health. */
export async function findRunningCloud(dataDir: string): Promise<CloudState | undefined> {
  const state = readCloudState(dataDir);
  if (state === undefined || !isProcessAlive(state.pid)) return undefined;
  return (await healthAnswers(state.url)) ? state : undefined;
}

/**
 * Waits for the cloud that holds the data directory's lock (see data-dir-lock.ts) to answer
 * /health, e.g. one still starting or busy; resolves with its state. Throws when no live process
 * holds the lock (any more), or when it does not answer within `timeoutMs` (default 30 s).
 */
export async function waitForRunningCloud(dataDir: string, opts: { readonly timeoutMs?: number } = {}): Promise<CloudState> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const holder = dataDirLockHolder(dataDir);
    if (holder === undefined) throw new Error(`no local cloud holds ${dataDir} any more`);
    const state = readCloudState(dataDir);
    if (state !== undefined && state.pid === holder && (await healthAnswers(state.url, 1_000))) return state;
    if (Date.now() > deadline) {
      throw new Error(`the local cloud serving ${dataDir} (pid ${holder}) did not answer within ${timeoutMs} ms; `
        + 'it may be overloaded. Stop it with: streamform cloud stop');
    }
    await pause(100);
  }
}

/** Options for spawnBackground. */
export interface SpawnOptions {
  readonly port?: number;
  readonly auth?: boolean;
  /** Full argv after `node` (default: the CLI's `cloud start --foreground …`). */
  readonly args?: readonly string[];
  /** How long to wait for /health (default 20 s). */
  readonly timeoutMs?: number;
}

/** A cloud started in the background. */
export interface SpawnedCloud {
  readonly url: string;
  readonly pid: number;
  readonly port: number;
  readonly logFile: string;
}

/** Starts a detached cloud and resolves once its state file names it and /health answers. */
export async function spawnBackground(dataDir: string, opts: SpawnOptions = {}): Promise<SpawnedCloud> {
  mkdirSync(dataDir, { recursive: true });
  const logFile = logFilePath(dataDir);
  const args = opts.args ?? [
    BIN_PATH, 'cloud', 'start', '--foreground', '--data-dir', dataDir,
    ...(opts.port === undefined ? [] : ['--port', String(opts.port)]),
    ...(opts.auth === true ? ['--auth'] : []),
  ];
  const fd = openSync(logFile, 'a');
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const child = spawn(process.execPath, [...args], { detached: true, stdio: ['ignore', fd, fd], cwd: process.cwd() });
  closeSync(fd);
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the local cloud (see ${logFile})`);
  child.unref();
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the local cloud exited during start (code ${String(exited.code)}, signal ${String(exited.signal)}); log:\n${tail(logFile)}`);
    const state = readCloudState(dataDir);
    if (state !== undefined && state.pid === pid && (await healthAnswers(state.url, 500))) {
      return { url: state.url, pid, port: state.port, logFile };
    }
    await pause(50);
  }
  process.kill(pid, 'SIGKILL');
  throw new Error(`the local cloud did not answer /health within ${opts.timeoutMs ?? 20_000} ms; log:\n${tail(logFile)}`);
}

/** What stopCloud did. */
export interface StopResult {
  readonly stopped: boolean;
  readonly pid?: number;
  /** True when SIGTERM was not enough and SIGKILL was sent. */
  readonly forced: boolean;
}

/** Sends SIGTERM to the data dir's cloud, waits for it to exit, SIGKILLs after `timeoutMs` (default 10 s). */
export async function stopCloud(dataDir: string, opts: { timeoutMs?: number } = {}): Promise<StopResult> {
  const state = readCloudState(dataDir);
  if (state === undefined || !isProcessAlive(state.pid)) {
    removeCloudState(dataDir);
    return { stopped: false, forced: false };
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    if (!isProcessAlive(state.pid)) {
      removeCloudState(dataDir, state.pid);
      return { stopped: true, pid: state.pid, forced: false };
    }
    await pause(50);
  }
  process.kill(state.pid, 'SIGKILL');
  while (isProcessAlive(state.pid)) await pause(20);
  removeCloudState(dataDir, state.pid);
  return { stopped: true, pid: state.pid, forced: true };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}
