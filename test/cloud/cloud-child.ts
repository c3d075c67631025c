/** Test support: the local cloud in a child process (cloud-process-main), with its URL from the log. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cloud/daemon/cloud-process-main.js', import.meta.url));

/** A cloud process: its handle, URL, and a promise of the signal that ended it (null for an exit). */
export interface CloudChild {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly exited: Promise<NodeJS.Signals | null>;
  /** SIGTERM (graceful close) unless it already ended; resolves once it has. */
  stop(): Promise<void>;
}

/** Starts `cloud-process-main --data-dir DIR --port 0`; resolves once it logs 'local cloud listening'. */
export function startCloudChild(dataDir: string): Promise<CloudChild> {
  const child = spawn(process.execPath, [MAIN, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'local cloud listening' && typeof entry.url === 'string') {
        resolve({ child, url: entry.url, port: Number(new URL(entry.url).port), exited, stop });
      }
    });
    void exited.then(() => reject(new Error('the cloud process exited before listening')));
  });
}
