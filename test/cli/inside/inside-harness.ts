/** Runs the inside commands in-process against a real local cloud (startCloud on port 0). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Command } from 'commander';
import { startCloud, type RunningCloud } from '../../../src/cloud/index.js';
import { registerInsideCommands } from '../../../src/cli/inside/index.js';
import type { Io } from '../../../src/cli/terminal.js';

/** What one command printed and its exit code. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** A started cloud plus a temp dir; `close()` removes both. */
export interface Harness {
  readonly cloud: RunningCloud;
  readonly dir: string;
  /** Runs `streamform <args…> --url <cloud> --data-dir <dataDir>`. */
  run(args: readonly string[], opts?: { stdin?: string; connection?: boolean; onOut?: (text: string) => void }): Promise<RunResult>;
  /** A control-plane request; returns the parsed body (throws on non-2xx). */
  api(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts a cloud in a fresh temp dir. */
export async function startHarness(opts: { auth?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-inside-'));
  const cloud = await startCloud({ dataDir: join(dir, 'cloud'), port: 0, ...(opts.auth === true ? { auth: true } : {}) });
  const authHeader = cloud.admin === undefined ? undefined : `Basic ${Buffer.from(`${cloud.admin.apiKey}:${cloud.admin.apiSecret}`).toString('base64')}`;
  return {
    cloud, dir,
    async run(args, o = {}) {
      let out = '';
      let err = '';
      let code = 0;
      const io: Io = {
        out: (t) => { out += t; o.onOut?.(t); }, err: (t) => { err += t; }, isTTY: false, stdinTTY: false,
        prompt: () => Promise.resolve(''),
      };
      const program = new Command('streamform').exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
      registerInsideCommands(program, io, dir, (c) => { code = c; }, { stdin: Readable.from([o.stdin ?? '']) });
      const conn = o.connection === false ? [] : ['--url', cloud.url, '--data-dir', cloud.dataDir];
      try {
        await program.parseAsync(['node', 'streamform', ...args, ...conn]);
      } catch (e) {
        if (!(e instanceof Error && 'code' in e && String(e.code).startsWith('commander.'))) throw e;
        code = 1;
      }
      return { code, out, err };
    },
    async api(method, path, body) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authHeader !== undefined) headers['authorization'] = authHeader;
      const res = await fetch(`${cloud.url}${path}`, body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
      return text === '' ? undefined : JSON.parse(text) as unknown;
    },
    async close() {
      await cloud.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Creates an environment and returns its id. */
export async function createEnvironment(h: Harness, name: string): Promise<string> {
  const body = await h.api('POST', '/org/v2/environments', { display_name: name }) as { id: string };
  return body.id;
}

/** Creates a Basic cluster and returns its id. */
export async function createCluster(h: Harness, envId: string, name: string): Promise<string> {
  const body = await h.api('POST', '/cmk/v2/clusters', {
    spec: { display_name: name, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: envId } },
  }) as { id: string };
  return body.id;
}
