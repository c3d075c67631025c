/**
 * runForeground: the body of `streamform cloud start --foreground` — starts the server, writes
 * `cloud.json`/`cloud.pid`, closes gracefully on SIGINT/SIGTERM and resolves once stopped (also
 * when the cloud stopped itself because its data directory was deleted).
 */
import { systemClock } from '../../shared/index.js';
import type { CloudOptions, RunningCloud } from '../server.js';
import { startCloud, streamformVersion } from '../server.js';
import { removeCloudState, writeCloudState } from './cloud-state-file.js';

/** Options for runForeground. */
export interface ForegroundOptions extends CloudOptions {
  /** Called once the server listens (the CLI prints the URL and the admin key here). */
  readonly onStarted?: (cloud: RunningCloud) => void;
  /** Signals that stop the server (default SIGINT and SIGTERM). */
  readonly signals?: readonly NodeJS.Signals[];
}

/** Runs the cloud until a stop signal arrives (or it stops itself); resolves after a graceful close. */
export async function runForeground(opts: ForegroundOptions): Promise<void> {
  // A cloud already serving the directory makes startCloud throw DataDirLockedError.
  const cloud = await startCloud(opts);
  writeCloudState({
    url: cloud.url, port: cloud.port, pid: process.pid, dataDir: opts.dataDir,
    version: streamformVersion(), startedAt: new Date((opts.clock ?? systemClock).now()).toISOString(), auth: cloud.auth,
    kafkaBootstrap: `${cloud.host}:${cloud.kafkaPort}`,
  });
  opts.onStarted?.(cloud);
  const signals = opts.signals ?? ['SIGINT', 'SIGTERM'];
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      for (const s of signals) process.off(s, stop);
      void cloud.close().catch((err: unknown) => {
        opts.logger?.error('closing the local cloud failed', { error: err instanceof Error ? err.message : String(err) });
      }).finally(() => {
        removeCloudState(opts.dataDir, process.pid);
        resolve();
      });
    };
    for (const s of signals) process.on(s, stop);
    void cloud.closed.then(stop);
  });
}
