/**
 * One cloud per data directory: `<dataDir>/cloud.lock` names the pid of the process serving it.
 * Two clouds on one directory would run the same statements twice and collide on every table
 * (`UNIQUE constraint failed: flink_checkpoints…`), so startCloud takes the lock before it opens
 * the database and a second start fails with DataDirLockedError.
 *
 * The lock is a pid file, not an OS lock, so other processes can ask who holds it (the CLI then
 * waits for that cloud instead of starting another). A lock whose pid no longer runs is stale
 * (a killed cloud) and is taken over. The file appears atomically with its content (written to a
 * private temp file, then hard-linked into place, which fails when it exists). Known gap: two
 * processes taking over the same stale lock in the same instant can both succeed.
 */
import { linkSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Path of the lock file. */
export function lockFilePath(dataDir: string): string {
  return join(dataDir, 'cloud.lock');
}

/** Another live cloud serves the data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'cloud-data-dir-locked';
  readonly dataDir: string;
  /** The process holding the lock. */
  readonly pid: number;

  constructor(dataDir: string, pid: number) {
    super(pid === process.pid
      ? `The data directory ${dataDir} is already served by a local cloud in this process; close it first.`
      : `The data directory ${dataDir} is already served by a local cloud (pid ${pid}); stop it first (streamform cloud stop), or use another --data-dir.`);
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.pid = pid;
  }
}

/** A held data-directory lock. */
export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file when it still names this process. Idempotent. */
  release(): void;
}

/** Data dirs (real paths) locked by clouds of this process: its own pid on the file says nothing. */
const heldHere = new Set<string>();

/** Takes the data directory's lock; throws DataDirLockedError when a live cloud holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const key = realpathSync(dataDir);
  if (heldHere.has(key)) throw new DataDirLockedError(dataDir, process.pid);
  const file = lockFilePath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${process.pid}\n`);
  try {
    // Two rounds: the first may find a stale lock and remove it.
    for (let round = 0; round < 2; round++) {
      try {
        linkSync(temp, file);
        heldHere.add(key);
        let released = false;
        return {
          path: file,
          release: (): void => {
            if (released) return;
            released = true;
            heldHere.delete(key);
            if (readLockPid(file) === process.pid) rmSync(file, { force: true });
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const holder = readLockPid(file);
      if (holder !== undefined && holder !== process.pid && pidAlive(holder)) throw new DataDirLockedError(dataDir, holder);
      // Stale: its process is gone, or it is this process's from a cloud already closed.
      rmSync(file, { force: true });
    }
    throw new DataDirLockedError(dataDir, readLockPid(file) ?? 0);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The pid of the live process holding the data directory's lock, or undefined (none, or stale). */
export function dataDirLockHolder(dataDir: string): number | undefined {
  const pid = readLockPid(lockFilePath(dataDir));
  return pid !== undefined && pidAlive(pid) ? pid : undefined;
}

function readLockPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined; // no lock file
  }
}

/** True when a process with `pid` exists (signal 0 probe; EPERM means it exists as another user). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
