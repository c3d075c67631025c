/** `<dataDir>/cloud.json` and `<dataDir>/cloud.pid`: how other processes find a running cloud. */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a running cloud writes about itself. */
export interface CloudState {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  readonly version: string;
  readonly startedAt: string;
  readonly auth: boolean;
  /** The Kafka wire listener (`127.0.0.1:<port>`), shared by every cluster of the cloud. */
  readonly kafkaBootstrap?: string;
}

/** Path of the state file. */
export function stateFilePath(dataDir: string): string {
  return join(dataDir, 'cloud.json');
}

/** Path of the pid file. */
export function pidFilePath(dataDir: string): string {
  return join(dataDir, 'cloud.pid');
}

/** Path of the background log file. */
export function logFilePath(dataDir: string): string {
  return join(dataDir, 'cloud.log');
}

/** Writes the state and pid files atomically (write to a temp file, then rename). */
export function writeCloudState(state: CloudState): void {
  const file = stateFilePath(state.dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  writeFileSync(`${pidFilePath(state.dataDir)}.tmp`, `${state.pid}\n`);
  renameSync(`${pidFilePath(state.dataDir)}.tmp`, pidFilePath(state.dataDir));
}

/** Reads the state file, or undefined when missing or unreadable. */
export function readCloudState(dataDir: string): CloudState | undefined {
  try {
    const s = JSON.parse(readFileSync(stateFilePath(dataDir), 'utf8')) as Partial<CloudState>;
    if (typeof s.url !== 'string' || typeof s.port !== 'number' || typeof s.pid !== 'number') return undefined;
    return {
      url: s.url, port: s.port, pid: s.pid, dataDir: typeof s.dataDir === 'string' ? s.dataDir : dataDir,
      version: typeof s.version === 'string' ? s.version : '', startedAt: typeof s.startedAt === 'string' ? s.startedAt : '',
      auth: s.auth === true,
      ...(typeof s.kafkaBootstrap === 'string' ? { kafkaBootstrap: s.kafkaBootstrap } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Removes the state and pid files (only when they describe `pid`, if given). */
export function removeCloudState(dataDir: string, pid?: number): void {
  const s = readCloudState(dataDir);
  if (pid !== undefined && s !== undefined && s.pid !== pid) return;
  rmSync(stateFilePath(dataDir), { force: true });
  rmSync(pidFilePath(dataDir), { force: true });
}
