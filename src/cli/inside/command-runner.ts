/**
 * The frame every inside command runs in: shared flags (--url, --api-key, --data-dir, --json,
 * --environment, --cluster), a lazily resolved context, and the one place where an InsideError
 * becomes terminal text (through the diagnostics view) and exit code 1.
 */
import type { Command } from 'commander';
import { diagnosticToJSON, renderDiagnostic } from '../../views/index.js';
import { EXIT_ERROR } from '../exit-codes.js';
import { useColor, type Io } from '../terminal.js';
import { CloudClient } from './cloud-client.js';
import { resolveConnection } from './connection.js';
import { resolveCluster, resolveEnvironment, resolveRegistry } from './context-resolver.js';
import { InsideError } from './inside-error.js';
import type { ClusterRef, Connection, EnvironmentRef, RegistryRef } from './types.js';

/** Parsed command-line flags of one command. */
export type Flags = { readonly [name: string]: unknown };

/** What registerInsideCommands is given, shared by every command. */
export interface InsideDeps {
  readonly io: Io;
  readonly dir: string;
  readonly set: (code: number) => void;
  /** Where `topic produce` reads lines (process.stdin unless a test passes another stream). */
  readonly stdin: AsyncIterable<string | Buffer>;
}

/** What a command body gets. */
export interface CommandContext {
  readonly io: Io;
  readonly stdin: AsyncIterable<string | Buffer>;
  readonly args: readonly string[];
  readonly flags: Flags;
  readonly json: boolean;
  readonly conn: Connection;
  readonly client: CloudClient;
  environment(): Promise<EnvironmentRef>;
  cluster(): Promise<ClusterRef>;
  registry(): Promise<RegistryRef>;
}

/** Adds the connection flags and --json. */
export function withConnection(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'the cloud to talk to (default: STREAMFORM_CLOUD_URL, else the local cloud of this directory)')
    .option('--api-key <key:secret>', 'API key and secret for a cloud with auth on (or STREAMFORM_API_KEY)')
    .option('--data-dir <dir>', 'the local cloud\'s data directory (to read records and offsets)')
    .option('--json', 'machine-readable output');
}

/** Adds --environment. */
export function withEnvironment(cmd: Command): Command {
  return withConnection(cmd).option('--environment <env>', 'environment id or name (default: the only one)');
}

/** Adds --environment and --cluster. */
export function withCluster(cmd: Command): Command {
  return withEnvironment(cmd).option('--cluster <cluster>', 'Kafka cluster id or name (default: the only one in the environment)');
}

/** A commander action running `body` with a context; sets the exit code. */
export function action(deps: InsideDeps, body: (ctx: CommandContext) => Promise<number>): (...a: unknown[]) => Promise<void> {
  return async (...a: unknown[]) => {
    const cmd = a[a.length - 1] as Command;
    const flags: Flags = cmd.opts();
    try {
      const conn = await resolveConnection(deps.io, deps.dir, {
        ...(typeof flags['url'] === 'string' ? { url: flags['url'] } : {}),
        ...(typeof flags['apiKey'] === 'string' ? { apiKey: flags['apiKey'] } : {}),
        ...(typeof flags['dataDir'] === 'string' ? { dataDir: flags['dataDir'] } : {}),
      });
      const client = new CloudClient(conn);
      let env: Promise<EnvironmentRef> | undefined;
      let cluster: Promise<ClusterRef> | undefined;
      let registry: Promise<RegistryRef> | undefined;
      const ctx: CommandContext = {
        io: deps.io, stdin: deps.stdin, args: cmd.args, flags, json: flags['json'] === true, conn, client,
        environment: () => (env ??= resolveEnvironment(client, optional(flags['environment']))),
        cluster: () => (cluster ??= ctx.environment().then((e) => resolveCluster(client, e, optional(flags['cluster'])))),
        registry: () => (registry ??= ctx.environment().then((e) => resolveRegistry(client, e))),
      };
      deps.set(await body(ctx));
    } catch (e) {
      if (!(e instanceof InsideError)) throw e;
      // With --json, scripts get the diagnostic as one JSON line on stderr (stdout stays empty).
      deps.io.err(flags['json'] === true ? JSON.stringify({ error: diagnosticToJSON(e.diagnostic) }) + '\n' : renderDiagnostic(e.diagnostic, { color: useColor(deps.io, false) }));
      deps.set(EXIT_ERROR);
    }
  };
}

/** A string flag, or undefined. */
export function optional(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable flag's values. */
export function many(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

/** A non-negative integer flag, or undefined when absent; an InsideError when malformed. */
export function intFlag(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d+$/.test(s)) throw new InsideError('invalid-flag', `${name} must be a non-negative integer, got "${s}".`);
  return Number(s);
}
