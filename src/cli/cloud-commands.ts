/**
 * `streamform cloud start|stop|status|logs`, and starting the local cloud on demand: any command
 * whose configuration uses the `confluent` provider without an endpoint talks to the local cloud
 * of this directory (`.streamform/cloud/`), starting it in the background when none runs.
 */
import { existsSync, readFileSync, statSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  DataDirLockedError, dataDirLockHolder, findRunningCloud, logFilePath, readCloudState, runForeground, spawnBackground, stopCloud, streamformVersion,
  waitForRunningCloud,
} from '../cloud/index.js';
import type { ProviderResolver } from '../provisioner/engine/index.js';
import type { ObjectValue } from '../provisioner/lang/index.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import type { Io } from './terminal.js';
import { CONFLUENT_SOURCE, loadWorkspaceConfig, providerResolver } from './workspace.js';

/** The local cloud's data directory for a configuration directory. */
export function defaultDataDir(dir: string): string {
  return process.env.STREAMFORM_CLOUD_DIR ? resolve(process.env.STREAMFORM_CLOUD_DIR) : join(dir, '.streamform', 'cloud');
}

/** A port in 41000–48999 derived from the data directory, so it is the same on every start. */
export function stablePort(dataDir: string): number {
  let h = 0;
  for (let i = 0; i < dataDir.length; i++) h = (h * 31 + dataDir.charCodeAt(i)) >>> 0;
  return 41000 + (h % 8000);
}

/** Finds or starts the local cloud for `dir`; tells the user where it runs. */
export async function ensureLocalCloud(io: Io, dir: string): Promise<string> {
  const dataDir = defaultDataDir(dir);
  const running = await findRunningCloud(dataDir);
  if (running) return running.url;
  // A live cloud holds the directory but did not answer /health in time (busy, or still
  // starting): wait for it. Starting another on the same directory would only fail.
  if (dataDirLockHolder(dataDir) !== undefined) return (await waitForRunningCloud(dataDir)).url;
  // Endpoints the local cloud hands out (cluster rest_endpoint, SR url) end up in state: keep the
  // port stable across restarts — the previous one, or one derived from the data directory.
  let c: Awaited<ReturnType<typeof spawnBackground>>;
  try {
    c = await spawnBackground(dataDir, { port: readCloudState(dataDir)?.port ?? stablePort(dataDir) });
  } catch (err) {
    // Another command started the cloud at the same moment and won the lock: use that one.
    if (dataDirLockHolder(dataDir) !== undefined) return (await waitForRunningCloud(dataDir)).url;
    throw err;
  }
  io.err(`Started the local cloud at ${c.url} (data dir ${dataDir}, pid ${c.pid}).\nIt keeps running in the background; stop it with: streamform cloud stop\n\n`);
  return c.url;
}

/** A resolver that points an endpoint-less `confluent` provider at the local cloud. */
export function cloudAwareResolver(io: Io): (dir: string) => Promise<ProviderResolver> {
  return async (dir) => {
    if (process.env.STREAMFORM_CLOUD_URL) return providerResolver((s) => (s === CONFLUENT_SOURCE ? { endpoint: process.env.STREAMFORM_CLOUD_URL! } as ObjectValue : undefined));
    const loaded = await loadWorkspaceConfig(dir);
    const root = loaded.config?.root;
    if (!root) return providerResolver();
    let uses = false, pinned = false;
    const visit = (m: typeof root): void => {
      if ([...m.terraform.requiredProviders.values()].some((p) => p.source.toLowerCase().endsWith(CONFLUENT_SOURCE))) uses = true;
      if (m.resources.some((r) => r.type.startsWith('confluent_'))) uses = true;
      if (m.providers.some((p) => p.name === 'confluent' && p.body.attributes.has('endpoint'))) pinned = true;
      for (const c of m.moduleCalls.values()) visit(c.module);
    };
    visit(root);
    if (!uses || pinned) return providerResolver();
    const url = await ensureLocalCloud(io, dir);
    return providerResolver((s) => (s === CONFLUENT_SOURCE ? { endpoint: url } as ObjectValue : undefined));
  };
}

export function registerCloudCommands(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  const cloud = program.command('cloud').description('Run and inspect the local cloud (Confluent Cloud on this machine)');
  cloud.command('start').description('Start the local cloud (in the foreground unless --background)')
    .option('--data-dir <dir>', 'where everything is stored (default .streamform/cloud beside the config)')
    .option('--port <port>', 'port to listen on (default: the previous one, else one derived from the data dir; a free one is chosen when taken)')
    .option('--auth', 'require API keys and role bindings')
    .option('--background', 'start in the background and return')
    .option('--foreground', 'run in the foreground (default)')
    .option('--json')
    .action(async (o: Record<string, unknown>) => {
      const dataDir = o.dataDir ? resolve(String(o.dataDir)) : defaultDataDir(dir);
      const existing = await findRunningCloud(dataDir);
      if (existing) {
        io.out(o.json ? JSON.stringify({ url: existing.url, data_dir: dataDir, pid: existing.pid, version: existing.version, already_running: true }) + '\n' : `The local cloud is already running at ${existing.url} (pid ${existing.pid}, data dir ${dataDir}).\n`);
        set(EXIT_OK); return;
      }
      // Alive and holding the directory, yet not answering /health: never start a second one.
      const holder = dataDirLockHolder(dataDir);
      if (holder !== undefined) {
        io.err(`${new DataDirLockedError(dataDir, holder).message}\nIt did not answer at ${readCloudState(dataDir)?.url ?? 'its address'}; it may be busy.\n`);
        set(EXIT_ERROR); return;
      }
      const port = Number(o.port ?? 0) || readCloudState(dataDir)?.port || stablePort(dataDir);
      if (o.background) {
        const c = await spawnBackground(dataDir, { port, auth: o.auth === true });
        io.out(o.json ? JSON.stringify({ url: c.url, data_dir: dataDir, pid: c.pid, log_file: c.logFile }) + '\n' : `Local cloud started at ${c.url}\n  data dir: ${dataDir}\n  pid:      ${c.pid}\n  log:      ${c.logFile}\nStop it with: streamform cloud stop\n`);
        set(EXIT_OK); return;
      }
      try {
        await runForeground({
          dataDir, port, auth: o.auth === true,
          logger: {
            info: (m, f) => io.out(`${new Date().toISOString()} INFO  ${m}${f ? ' ' + JSON.stringify(f) : ''}\n`),
            warn: (m, f) => io.out(`${new Date().toISOString()} WARN  ${m}${f ? ' ' + JSON.stringify(f) : ''}\n`),
            error: (m, f) => io.err(`${new Date().toISOString()} ERROR ${m}${f ? ' ' + JSON.stringify(f) : ''}\n`),
          },
          onStarted: (c) => {
            io.out(`Local cloud listening on ${c.url}\n  data dir: ${dataDir}\n  pid:      ${process.pid}\n`);
            if (c.requestedPort) io.out(`  (port ${c.requestedPort} was taken; using ${c.port})\n`);
            if (c.admin) io.out(`  bootstrap OrganizationAdmin API key: ${c.admin.apiKey} (owner ${c.admin.userId})\n  secret: ${c.admin.apiSecret}\n`);
            io.out('Press Ctrl-C to stop.\n');
          },
        });
      } catch (err) {
        // Lost a race with another start on the same directory.
        if (!(err instanceof DataDirLockedError)) throw err;
        io.err(`${err.message}\n`);
        set(EXIT_ERROR); return;
      }
      set(EXIT_OK);
    });
  cloud.command('stop').description('Stop the local cloud gracefully').option('--data-dir <dir>').option('--json')
    .action(async (o: Record<string, unknown>) => {
      const dataDir = o.dataDir ? resolve(String(o.dataDir)) : defaultDataDir(dir);
      const r = await stopCloud(dataDir);
      io.out(o.json ? JSON.stringify({ stopped: r.stopped, pid: r.pid ?? null, forced: r.forced }) + '\n' : r.stopped ? `Stopped the local cloud (pid ${r.pid}).\n` : 'No local cloud is running for this directory.\n');
      set(EXIT_OK);
    });
  cloud.command('status').description('Show whether the local cloud runs, where, and its version').option('--data-dir <dir>').option('--json')
    .action(async (o: Record<string, unknown>) => {
      const dataDir = o.dataDir ? resolve(String(o.dataDir)) : defaultDataDir(dir);
      const s = await findRunningCloud(dataDir);
      // Not answering, yet alive and holding the directory (busy): say so rather than "not running".
      const holder = s === undefined ? dataDirLockHolder(dataDir) : undefined;
      if (o.json) io.out(JSON.stringify(s ? { running: true, url: s.url, data_dir: dataDir, pid: s.pid, version: s.version, started_at: s.startedAt, auth: s.auth, kafka_bootstrap: s.kafkaBootstrap ?? null } : { running: false, data_dir: dataDir, version: streamformVersion(), ...(holder === undefined ? {} : { unresponsive_pid: holder }) }) + '\n');
      else if (s) io.out(`Local cloud running at ${s.url}\n  kafka:    ${s.kafkaBootstrap ?? 'unknown'}\n  data dir: ${dataDir}\n  pid:      ${s.pid}\n  version:  ${s.version}\n  started:  ${s.startedAt}\n`);
      else if (holder !== undefined) io.out(`A local cloud (pid ${holder}) holds ${dataDir} but does not answer at ${readCloudState(dataDir)?.url ?? 'its address'}; it may be busy.\nStop it with: streamform cloud stop\n`);
      else io.out(`No local cloud is running for ${dataDir}.\nStart one with: streamform cloud start --background\n`);
      set(s || !o.json ? EXIT_OK : EXIT_OK);
    });
  cloud.command('logs').description('Print the local cloud log').option('--data-dir <dir>').option('--follow', 'keep printing new lines')
    .action(async (o: Record<string, unknown>) => {
      const dataDir = o.dataDir ? resolve(String(o.dataDir)) : defaultDataDir(dir);
      const file = logFilePath(dataDir);
      if (!existsSync(file)) { io.err(`No log at ${file}: the local cloud has not run in the background here.\n`); set(EXIT_ERROR); return; }
      let pos = 0;
      const dump = (): void => { const t = readFileSync(file); if (t.length > pos) { io.out(t.subarray(pos).toString('utf8')); pos = t.length; } };
      dump();
      if (!o.follow) { set(EXIT_OK); return; }
      await new Promise<void>((res) => {
        const w = watch(file, () => { if (statSync(file).size >= pos) dump(); });
        process.once('SIGINT', () => { w.close(); res(); });
      });
      set(EXIT_OK);
    });
}
