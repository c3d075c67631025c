/**
 * Recoverable failures of running statements (confluent-flink.md §11): each failure is added to
 * the exceptions list; the job restarts from its last checkpoint after a backoff while the
 * statement stays RUNNING and keeps its CFUs; repeated failures without a committed checkpoint
 * show DEGRADED, and the first checkpoint of the restarted job shows RUNNING again.
 */
import type { StatementRecord, StatementStore } from '../statements/index.js';
import { DEGRADED_DETAIL, isDegraded, restartDelayMs } from './restart-policy.js';
import type { RestartPolicy } from './restart-policy.js';

/** A statement between a recoverable failure and the first checkpoint of its restarted job. */
export interface Recovery {
  readonly uid: string;
  /** Consecutive failures since the last committed checkpoint. */
  failures: number;
  /** CFUs the statement keeps meanwhile (undefined: it holds none in this process). */
  cfus: number | undefined;
  /** The pending restart. */
  timer: NodeJS.Timeout | undefined;
  /** The failed job is still winding down; the restart is scheduled once it has. */
  windingDown: boolean;
}

/** What recovery needs from the executor. */
export interface RecoveryDeps {
  readonly statements: StatementStore;
  readonly policy: RestartPolicy | undefined;
  /** Re-examines a statement (key) on the next macrotask. */
  readonly enqueue: (k: string) => void;
  /** Frees the statement's CFUs. */
  readonly jobEnded: (env: string, name: string) => void;
  readonly closed: () => boolean;
}

/** The statements that are recovering, by executor key (`env\0name`). */
export class Recoveries {
  readonly #d: RecoveryDeps;
  readonly #map = new Map<string, Recovery>();

  constructor(deps: RecoveryDeps) {
    this.#d = deps;
  }

  get(k: string): Recovery | undefined { return this.#map.get(k); }
  has(k: string): boolean { return this.#map.has(k); }
  delete(k: string): boolean { return this.#map.delete(k); }
  keys(): string[] { return [...this.#map.keys()]; }

  /** A recoverable failure: listed, DEGRADED when it repeats, a restart after a backoff (once the failed job has wound down). */
  failed(k: string, rec: StatementRecord, ex: { name: string; message: string }, opts: { readonly cfus: number | undefined; readonly windingDown: boolean }): void {
    const store = this.#d.statements;
    const env = rec.environmentId;
    const name = rec.name;
    store.appendException(env, name, ex);
    let r = this.#map.get(k);
    if (r === undefined) {
      r = { uid: rec.uid, failures: 0, cfus: undefined, timer: undefined, windingDown: false };
      this.#map.set(k, r);
    }
    if (opts.cfus !== undefined) r.cfus = opts.cfus;
    r.failures++;
    const cur = store.get(env, name);
    if (isDegraded(r.failures, this.#d.policy) && cur !== undefined && !cur.spec.stopped && cur.status.phase !== 'DEGRADED') {
      store.setPhase(env, name, 'DEGRADED', DEGRADED_DETAIL);
    }
    if (opts.windingDown) r.windingDown = true;
    else this.scheduleRestart(k, r);
  }

  scheduleRestart(k: string, r: Recovery): void {
    if (this.#d.closed()) return;
    r.timer = setTimeout(() => {
      r.timer = undefined;
      this.#d.enqueue(k);
    }, restartDelayMs(r.failures, this.#d.policy));
    r.timer.unref();
  }

  /** A restarted job committed a checkpoint: the statement is healthy (RUNNING) again. */
  recovered(k: string, rec: StatementRecord): void {
    if (!this.#map.delete(k)) return;
    const store = this.#d.statements;
    const cur = store.get(rec.environmentId, rec.name);
    if (cur?.status.phase === 'DEGRADED') store.setPhase(rec.environmentId, rec.name, 'RUNNING', 'Statement is running');
  }

  /** Gives up a pending restart (stop, delete, close): the statement no longer holds CFUs. */
  abandon(k: string): Recovery | undefined {
    const r = this.#map.get(k);
    if (r === undefined) return undefined;
    if (r.timer !== undefined) clearTimeout(r.timer);
    this.#map.delete(k);
    const [env = '', name = ''] = k.split('\u0000');
    this.#d.jobEnded(env, name);
    return r;
  }
}
