/**
 * The state lock: one row in the `lock` table, taken and checked inside a `BEGIN IMMEDIATE`
 * transaction so two processes can never both hold it. Waiting polls with exponential backoff on
 * timers (never a busy loop). A lock whose holder died is still reported, never broken
 * automatically; `holderAlive` tells the user whether `force-unlock` is safe.
 */
import { hostname, userInfo } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { warningDiag } from '../../shared/index.js';
import type { Clock, Diagnostic, IdSource } from '../../shared/index.js';
import { StateLockedError, StateUnlockError } from './state-errors.js';
import type { LockHolder, LockHolderLiveness, LockInfo } from './types.js';

/** What the lock functions need from the store. */
export interface LockContext {
  readonly db: Database.Database;
  /** Absolute path of the state file (reported in LockInfo). */
  readonly path: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** streamform version of this process. */
  readonly version: string;
}

/** What a caller asks the lock for. */
export interface LockRequest {
  /** e.g. `OperationTypeApply` or the command name (`apply`, `state mv`). */
  readonly operation: string;
  /** `user@host`; see `defaultLockWho`. */
  readonly who: string;
}

interface LockRow {
  readonly lock_id: string;
  readonly operation: string;
  readonly who: string;
  readonly host: string;
  readonly pid: number;
  readonly created: string;
  readonly version: string;
}

/** `user@host` of this process, for LockInfo.who and history entries. */
export function defaultLockWho(): string {
  let user = 'unknown';
  try { user = userInfo().username; } catch { /* no passwd entry (containers): keep "unknown" */ }
  return `${user}@${hostname()}`;
}

/** Whether a process on this host is still running (signal 0 probes without signalling). */
function liveness(host: string, pid: number): LockHolderLiveness {
  if (host !== hostname()) return 'unknown';
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}

function toHolder(row: LockRow, path: string): LockHolder {
  return {
    id: row.lock_id, operation: row.operation, who: row.who, pid: row.pid, created: row.created,
    path, version: row.version, host: row.host, holderAlive: liveness(row.host, row.pid),
  };
}

/** The current lock holder, or undefined when the state is unlocked. */
export function readLock(ctx: LockContext): LockHolder | undefined {
  const row = ctx.db.prepare('SELECT lock_id, operation, who, host, pid, created, version FROM lock WHERE id = 1').get() as LockRow | undefined;
  return row === undefined ? undefined : toHolder(row, ctx.path);
}

/** Takes the lock if free; returns the new LockInfo, or the current holder when taken. */
export function tryAcquireLock(ctx: LockContext, req: LockRequest): { acquired: LockInfo } | { heldBy: LockHolder } {
  const attempt = ctx.db.transaction((): { acquired: LockInfo } | { heldBy: LockHolder } => {
    const held = readLock(ctx);
    if (held !== undefined) return { heldBy: held };
    const info: LockInfo = {
      id: ctx.ids.uuid(), operation: req.operation, who: req.who, pid: process.pid,
      created: new Date(ctx.clock.now()).toISOString(), path: ctx.path, version: ctx.version,
    };
    ctx.db.prepare('INSERT INTO lock (id, lock_id, operation, who, host, pid, created, version) VALUES (1, ?, ?, ?, ?, ?, ?, ?)')
      .run(info.id, info.operation, info.who, hostname(), info.pid, info.created, info.version);
    return { acquired: info };
  });
  return attempt.immediate();
}

/**
 * Takes the lock, waiting up to `timeoutMs` (0: try once) while someone else holds it; throws
 * StateLockedError with the holder's info when the time runs out. The wait is measured on the
 * monotonic clock, not the injected one: a fixed test clock must not make it wait forever.
 */
export async function acquireLock(ctx: LockContext, req: LockRequest, opts: { timeoutMs: number }): Promise<LockInfo> {
  const deadline = performance.now() + Math.max(0, opts.timeoutMs);
  let delay = 10;
  for (;;) {
    const r = tryAcquireLock(ctx, req);
    if ('acquired' in r) return r.acquired;
    const left = deadline - performance.now();
    if (left <= 0) throw new StateLockedError(r.heldBy);
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 500);
  }
}

/**
 * Releases a lock this process took. Returns a warning (not an error: the operation itself is
 * done) when the lock is gone or belongs to someone else, e.g. after a `force-unlock`.
 */
export function releaseLock(ctx: LockContext, id: string): Diagnostic[] {
  const res = ctx.db.prepare('DELETE FROM lock WHERE id = 1 AND lock_id = ?').run(id);
  if (res.changes === 1) return [];
  const now = readLock(ctx);
  return [warningDiag('state-lock-lost', 'The state lock was no longer held when releasing it', {
    detail: now === undefined
      ? `Lock ${id} had already been removed (was it force-unlocked?).`
      : `Lock ${id} had been replaced by lock ${now.id} held by ${now.who} (was it force-unlocked?).`,
  })];
}

/** Removes the lock whatever its holder, if `id` matches it; returns the removed lock. */
export function forceUnlock(ctx: LockContext, id: string): LockHolder {
  const run = ctx.db.transaction((): LockHolder => {
    const held = readLock(ctx);
    if (held === undefined || held.id !== id) throw new StateUnlockError(id, held?.id);
    ctx.db.prepare('DELETE FROM lock WHERE id = 1').run();
    return held;
  });
  return run.immediate();
}
