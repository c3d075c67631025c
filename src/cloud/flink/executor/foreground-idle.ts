/**
 * The idle rule for foreground statements (confluent-flink.md §5.1, §5.2): a running SELECT whose
 * results no client fetched for 5 minutes (since it started or since the last fetch) is stopped
 * like a user stop, with its own `status.detail`.
 */
import type { StatementStore } from '../statements/index.js';

/** A foreground statement whose results nobody fetched for this long is STOPPED. */
export const FOREGROUND_IDLE_MS = 5 * 60_000;
/** `status.detail` of a statement stopped by the idle rule (exact Confluent text UNCONFIRMED). */
export const IDLE_STOP_DETAIL = 'Statement was stopped because no client fetched its results for 5 minutes.';

/** A running job as the idle rule sees it, by executor key (`env\0name`). */
export interface ForegroundJob {
  readonly foreground: boolean;
  readonly silent: boolean;
  /** When the job started (injected clock). */
  readonly startedAt: number;
}

/** Stops the idle foreground jobs among `jobs` (adding their keys to `stopping`). */
export function stopIdleForeground(jobs: Iterable<readonly [string, ForegroundJob]>, store: StatementStore, now: number, stopping: Set<string>): void {
  for (const [k, a] of jobs) {
    if (!a.foreground || a.silent || stopping.has(k)) continue;
    const [env = '', name = ''] = k.split('\u0000');
    const last = Math.max(a.startedAt, store.resultsFetchedAt(env, name) ?? a.startedAt);
    if (now - last < FOREGROUND_IDLE_MS) continue;
    const rec = store.get(env, name);
    if (rec === undefined || rec.spec.stopped || (rec.status.phase !== 'RUNNING' && rec.status.phase !== 'DEGRADED')) continue;
    stopping.add(k);
    store.replace({ ...rec, spec: { ...rec.spec, stopped: true }, status: { ...rec.status, phase: 'STOPPING', detail: 'Statement is stopping.' } });
  }
}
