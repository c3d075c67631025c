/**
 * A process entry that runs the local cloud in the foreground without the CLI:
 * `node dist/src/cloud/daemon/cloud-process-main.js --data-dir DIR [--port N] [--auth]`.
 * Used by crash tests and usable as spawnBackground's `args`. Logs JSON lines to stdout.
 */
import type { Logger } from '../http/index.js';
import { runForeground } from './run-foreground.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

function line(level: string, msg: string, fields?: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}

const logger: Logger = {
  info: (msg, fields) => line('info', msg, fields),
  warn: (msg, fields) => line('warn', msg, fields),
  error: (msg, fields) => line('error', msg, fields),
};

const dataDir = arg('--data-dir');
if (dataDir === undefined) {
  process.stderr.write('usage: cloud-process-main --data-dir DIR [--port N] [--auth]\n');
  process.exitCode = 2;
} else {
  const port = Number(arg('--port') ?? '0');
  runForeground({ dataDir, port, auth: process.argv.includes('--auth'), logger }).then(
    () => { process.exitCode = 0; },
    (err: unknown) => { logger.error('local cloud failed', { error: err instanceof Error ? err.stack ?? err.message : String(err) }); process.exitCode = 1; },
  );
}
