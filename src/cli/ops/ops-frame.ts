/**
 * The frame of the operations commands: connection flags, a CloudClient, and the one place an
 * InsideError becomes terminal text (or one JSON line on stderr with --json) and exit code 1.
 */
import type { Command } from 'commander';
import { diagnosticToJSON, renderDiagnostic } from '../../views/index.js';
import { EXIT_ERROR } from '../exit-codes.js';
import { CloudClient, InsideError, resolveConnection, resolveEnvironment } from '../inside/index.js';
import { useColor, type Io } from '../terminal.js';
import type { MetricsFilter } from './metrics-client.js';

/** Parsed flags of one command. */
export type Flags = { readonly [name: string]: unknown };

/** Runs `body` with a client for the cloud named by the flags; sets the exit code. */
export function opsAction(io: Io, dir: string, set: (code: number) => void, body: (client: CloudClient, flags: Flags, filter: MetricsFilter) => Promise<number>): (...a: unknown[]) => Promise<void> {
  return async (...a: unknown[]) => {
    const cmd = a[a.length - 1] as Command;
    const flags: Flags = cmd.opts();
    try {
      const conn = await resolveConnection(io, dir, {
        ...(typeof flags['url'] === 'string' ? { url: flags['url'] } : {}),
        ...(typeof flags['apiKey'] === 'string' ? { apiKey: flags['apiKey'] } : {}),
        ...(typeof flags['dataDir'] === 'string' ? { dataDir: flags['dataDir'] } : {}),
      });
      const client = new CloudClient(conn);
      const env = typeof flags['environment'] === 'string' ? (await resolveEnvironment(client, flags['environment'])).id : undefined;
      const pool = typeof flags['pool'] === 'string' ? flags['pool'] : undefined;
      set(await body(client, flags, { ...(env === undefined ? {} : { environment: env }), ...(pool === undefined ? {} : { computePool: pool }) }));
    } catch (e) {
      if (!(e instanceof InsideError)) throw e;
      io.err(flags['json'] === true ? JSON.stringify({ error: diagnosticToJSON(e.diagnostic) }) + '\n' : renderDiagnostic(e.diagnostic, { color: useColor(io, false) }));
      set(EXIT_ERROR);
    }
  };
}
