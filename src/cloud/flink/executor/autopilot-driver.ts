/**
 * Runs the Autopilot policy (parallel/autopilot.ts) over the executor's running jobs every
 * `intervalMs` and carries out its decisions: CFUs follow the new parallelism when the compute
 * pool has room for them (FlinkOperations.resize); then the scaling state shows PENDING_SCALE_UP or
 * PENDING_SCALE_DOWN until the job runs again at the new parallelism (OK). A scale-up the pool
 * cannot hold leaves the job as it is with scaling state POOL_EXHAUSTED until the backlog goes or
 * the pool has room ([DOC-AP]: "statements may run at reduced parallelism").
 */
import type { Clock } from '../../../shared/index.js';
import type { TopicLogStore } from '../../kafka/index.js';
import type { StatementRecord, StatementStore } from '../statements/index.js';
import { cfuFor } from './operations/index.js';
import type { FlinkOperations, JobGauges } from './operations/index.js';
import { AutopilotPolicy } from './parallel/autopilot.js';
import type { AutopilotOptions } from './parallel/autopilot.js';

type ScalingState = StatementRecord['status']['scalingState'];

/** A job Autopilot may rescale. */
export interface ScalableJob {
  readonly key: string;
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly gauges: JobGauges;
}

/** What the driver needs from the executor. */
export interface AutopilotDriverDeps {
  readonly statements: StatementStore;
  readonly topics: TopicLogStore;
  readonly clock: Clock;
  readonly operations: FlinkOperations | undefined;
  /** Running jobs that are not being stopped or rescaled. */
  readonly jobs: () => readonly ScalableJob[];
  /** Stop the job with a savepoint and start it again at `parallelism`, holding `cfus`. */
  readonly rescale: (key: string, parallelism: number, cfus: number) => void;
}

/** See the file header. */
export class AutopilotDriver {
  readonly #d: AutopilotDriverDeps;
  readonly #policy: AutopilotPolicy;
  readonly #intervalMs: number;
  /** Set: jobs start at this parallelism and are never rescaled. */
  readonly fixed: number | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: AutopilotDriverDeps, opts: AutopilotOptions = {}) {
    this.#d = deps;
    this.#policy = new AutopilotPolicy(opts);
    this.#intervalMs = opts.intervalMs ?? 5000;
    this.fixed = opts.fixedParallelism;
  }

  start(): void {
    if (this.fixed !== undefined) return;
    this.#timer = setInterval(() => this.evaluate(), this.#intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
  }

  /** One evaluation of every scalable job (the timer calls this). */
  evaluate(): void {
    const now = this.#d.clock.now();
    for (const job of this.#d.jobs()) {
      if (job.maxParallelism <= 1 && job.parallelism <= 1) continue;
      const [env = '', name = ''] = job.key.split('\u0000');
      const rec = this.#d.statements.get(env, name);
      if (rec === undefined || rec.spec.stopped || (rec.status.phase !== 'RUNNING' && rec.status.phase !== 'DEGRADED')) continue;
      const target = this.#policy.observe(job.key, { parallelism: job.parallelism, maxParallelism: job.maxParallelism, pendingRecords: job.gauges.pendingRecords(this.#d.topics), now });
      if (target === undefined) {
        if (rec.status.scalingState === 'POOL_EXHAUSTED' && !this.#policy.wantsMore(job.key)) this.#setState(rec, 'OK');
        continue;
      }
      const ops = this.#d.operations;
      const cfus = ops === undefined ? cfuFor(target) : ops.resize({ environmentId: env, name }, target);
      if (cfus === undefined) {
        this.#setState(rec, 'POOL_EXHAUSTED');
        continue;
      }
      this.#setState(rec, target > job.parallelism ? 'PENDING_SCALE_UP' : 'PENDING_SCALE_DOWN');
      this.#policy.rescaled(job.key, now);
      this.#d.rescale(job.key, target, cfus);
    }
  }

  /** The job runs again after a rescale: scaling state OK. */
  rescaled(rec: StatementRecord): void {
    const cur = this.#d.statements.get(rec.environmentId, rec.name);
    if (cur !== undefined) this.#setState(cur, 'OK');
  }

  /** The job ended. */
  forget(key: string): void {
    this.#policy.forget(key);
  }

  #setState(rec: StatementRecord, state: ScalingState): void {
    if (rec.status.scalingState === state) return;
    this.#d.statements.replace({ ...rec, status: { ...rec.status, scalingState: state, scalingUpdatedAt: new Date(this.#d.clock.now()).toISOString() } });
  }
}
