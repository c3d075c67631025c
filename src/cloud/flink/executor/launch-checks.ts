/**
 * The checks a statement passes before its job may start (the first half of the executor's
 * launch; statement-executor.ts does the second: parallelism, CFUs, the job itself):
 *   - where it starts (start-position.ts): it may wait PENDING for its `sql.tables.initial-offset-from`
 *     statement, or fail because that statement is gone;
 *   - parse, bind and plan (statement-job.ts), with the carried-over offsets' stateless rule;
 *   - a metadata statement (DDL, SHOW, …) completes here with its result set;
 *   - a stateful job's checkpoints restore only into the plan shape they were written for
 *     (plan-fingerprint.ts).
 * Writes to the statement only what concerns it alone (traits, a metadata result, the waiting
 * detail); everything that touches the executor's bookkeeping comes back as the outcome.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Clock, Diagnostic, IdSource } from '../../../shared/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { CheckpointStore } from '../runtime/index.js';
import { isStatefulPlan } from '../planner/index.js';
import type { ResultRow, StatementRecord, StatementStore } from '../statements/index.js';
import { prepareStatement } from './statement-job.js';
import type { PreparedStatement } from './statement-job.js';
import { checkStateless, startPosition } from './start-position.js';
import { planFingerprint } from './plan-fingerprint.js';
import type { PlanFingerprints } from './plan-fingerprint.js';

/** What the launch checks need from the executor. */
export interface LaunchCheckDeps {
  readonly store: StatementStore;
  readonly catalog: FlinkCatalog;
  readonly checkpoints: CheckpointStore;
  readonly plans: PlanFingerprints;
  readonly clock: Clock;
  readonly ids: IdSource;
}

/** The outcome of the checks. */
export type LaunchCheck =
  /** PENDING until the `sql.tables.initial-offset-from` statement stops (its detail is written). */
  | { readonly kind: 'wait' }
  /** A metadata statement: COMPLETED with its result. */
  | { readonly kind: 'completed' }
  /** Planning (or the carry-over rules) refused it. */
  | { readonly kind: 'plan-failed'; readonly diagnostics: readonly Diagnostic[] }
  /** Its checkpoints were written for another plan shape: not recoverable by restarting. */
  | { readonly kind: 'state-misfit'; readonly message: string }
  /** A job to start, planned with these properties. */
  | { readonly kind: 'job'; readonly job: Extract<PreparedStatement, { kind: 'job' }>; readonly properties: Readonly<Record<string, string>> };

/** Runs the checks for `rec` about to launch; see the file header. */
export function checkLaunch(rec: StatementRecord, deps: LaunchCheckDeps): LaunchCheck {
  const { store } = deps;
  const env = rec.environmentId;
  const name = rec.name;
  const firstLaunch = rec.status.traits === undefined;
  const start = startPosition(rec, store, deps.clock.now(), firstLaunch);
  if (start.kind === 'wait') {
    if (rec.status.detail !== start.detail) store.setPhase(env, name, 'PENDING', start.detail);
    return { kind: 'wait' };
  }
  if (start.kind === 'fail') return { kind: 'plan-failed', diagnostics: [errorDiag('flink-carry-over', start.detail)] };
  const prepared = prepareStatement(rec.spec.statement, start.properties, deps.catalog, { firstLaunch, clock: deps.clock, ids: deps.ids });
  if (prepared.value === undefined) return { kind: 'plan-failed', diagnostics: prepared.diagnostics };
  const p = prepared.value;
  const notStateless = p.kind === 'job' && start.carriedFrom !== undefined ? checkStateless(p.plan, start.carriedFrom) : undefined;
  if (notStateless !== undefined) return { kind: 'plan-failed', diagnostics: [errorDiag('flink-carry-over-stateful', notStateless)] };
  store.setTraits(env, name, p.traits);
  if (p.kind === 'metadata') {
    const result = p.result.result;
    if (result !== undefined) store.appendResults(env, name, result.rows.map((row): ResultRow => ({ op: 0, row: [...row] })));
    store.setPhase(env, name, 'COMPLETED', p.result.detail);
    return { kind: 'completed' };
  }
  // Operator state restores only into the plan shape it was written for (plan-fingerprint.ts).
  const misfit = deps.plans.admit(rec.uid, planFingerprint(p.plan), isStatefulPlan(p.plan) && deps.checkpoints.group(rec.uid).length > 0, name);
  if (misfit !== undefined) return { kind: 'state-misfit', message: misfit };
  return { kind: 'job', job: p, properties: start.properties };
}
