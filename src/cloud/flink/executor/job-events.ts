/**
 * How a started job's events reach its statement: the executor's side of job-start.ts's JobEvents,
 * and the record the executor keeps of each running job.
 *   results      appended to the statement's result set (foreground SELECTs)
 *   phase        through statement-phases.ts; not written once the job was silenced (statement
 *                deleted, executor closing); a rescale's stop is not the statement's (it stays
 *                RUNNING and starts again); a recoverable failure goes to recovery.ts
 *   checkpoint   a restarted job that checkpoints has recovered; once a cut-over job's output is
 *                on, its "suppressed" detail gives way to the plain running one
 */
import type { ResultRow, StatementRecord, StatementStore } from '../statements/index.js';
import type { JobEvents, RunningJob } from './job-start.js';
import type { ParallelismLimit } from './parallel/parallelism.js';
import type { Recoveries } from './recovery.js';
import { recoverableException } from './restart-policy.js';
import type { StatementPhases } from './statement-phases.js';

/** `status.detail` of a cut-over statement while it rebuilds its state with output suppressed (streamform's own). */
export const CUT_OVER_DETAIL = 'Statement is running; its output is suppressed until it has read up to the offsets of the statement it replaces (cut-over).';
const RUNNING_DETAIL = 'Statement is running';

/** A running job as the executor tracks it. */
export interface ActiveJob {
  readonly runner: RunningJob;
  /** How far Autopilot may scale it, and while it rescales the parallelism and CFUs it restarts with. */
  readonly limit: ParallelismLimit;
  rescale: { readonly parallelism: number; readonly cfus: number } | undefined;
  readonly uid: string;
  readonly done: Promise<void>;
  /** Set when the statement was deleted or the executor closes: phase changes are not written. */
  silent: boolean;
  /** A foreground query (SELECT): stopped when nobody fetches its results for 5 minutes. */
  readonly foreground: boolean;
  /** When the job started (injected clock). */
  readonly startedAt: number;
}

/** What the handlers write to. */
export interface JobEventDeps {
  readonly store: StatementStore;
  readonly phases: StatementPhases;
  readonly recovery: Recoveries;
}

/**
 * The events of statement `rec` (executor key `k`) holding `cfus`. The job's first slice runs
 * synchronously inside startJob's caller, before the executor has registered it: `runner` and
 * `entry` are read when an event arrives, and may still be undefined then.
 */
export function jobEvents(deps: JobEventDeps, k: string, rec: StatementRecord, cfus: number, runner: () => RunningJob | undefined, entry: () => ActiveJob | undefined): JobEvents {
  const { store, phases, recovery } = deps;
  const env = rec.environmentId;
  const name = rec.name;
  return {
    deliverResults: (changes) => { store.appendResults(env, name, changes.map((c): ResultRow => ({ op: c.op, row: c.row }))); },
    onPhase: (phase, detail, failure) => {
      const e = entry();
      if (e?.silent === true) return;
      // A rescale's stop is not the statement's: it stays RUNNING and starts again.
      if (e?.rescale !== undefined && (phase === 'STOPPING' || phase === 'STOPPED')) return;
      if (failure === undefined || failure.class === 'user') phases.changed(k, rec, phase, phase === 'RUNNING' && runner()?.suppressingOutput() === true ? CUT_OVER_DETAIL : detail);
      else if (phase === 'FAILED') recovery.failed(k, rec, recoverableException(failure.error, failure.class), { cfus, windingDown: true });
    },
    onCheckpoint: (_id, kind) => {
      if (entry()?.silent === true || kind !== 'checkpoint') return;
      recovery.recovered(k, rec);
      if (runner()?.suppressingOutput() === false && store.get(env, name)?.status.detail === CUT_OVER_DETAIL) store.setPhase(env, name, 'RUNNING', RUNNING_DETAIL);
    },
  };
}
