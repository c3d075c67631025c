/**
 * The statement executor: attaches to the StatementStore as its runtime and drives every statement
 * through its phases (confluent-flink.md §5.2, §5.3, §11; statement-phases.ts). PENDING statements
 * are parsed, bound and planned; metadata statements COMPLETE at once with their detail and result
 * set; jobs run (RUNNING; bounded ones COMPLETE). A stop takes a savepoint (STOPPING → STOPPED); a
 * resume restores it. User failures (planning, deserialization, casts) end FAILED with the message
 * in `status.detail` and the exceptions list. Recoverable failures (a topic deleted, system errors,
 * a re-plan failing because a topic is gone) restart the job from its last checkpoint after a
 * backoff, keeping the statement RUNNING (DEGRADED when repeated) and its CFUs (recovery.ts). On
 * startup, statements that were RUNNING or DEGRADED resume from their last checkpoint.
 *
 * Autopilot (autopilot-driver.ts): a background DML statement whose pipeline can run in parallel
 * (parallel/parallelism.ts) is rescaled between 1 and its max parallelism on its backlog: the job
 * stops with a savepoint (phase unchanged, scaling state PENDING_SCALE_UP/DOWN) and starts again at
 * the new parallelism from it (job-start.ts), on worker threads when p > 1. A restarted cloud
 * resumes a statement at the parallelism its checkpoints were written at.
 *
 * Store events arrive synchronously, also from this class's own writes, so they are queued and
 * handled on the next macrotask, one statement at a time.
 */
import { errorDiag, systemClock, systemIds } from '../../../shared/index.js';
import type { Clock, IdSource } from '../../../shared/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { CheckpointStore, classifyFailure } from '../runtime/index.js';
import type { RunnerPhase } from '../runtime/index.js';
import type { ResultRow, StatementRecord } from '../statements/index.js';
import type { Executor, ExecutorCloud, ExecutorOptions, JobParallelism } from './types.js';
import { prepareStatement } from './statement-job.js';
import type { FlinkOperations } from './operations/index.js';
import { recoverableException } from './restart-policy.js';
import { Recoveries } from './recovery.js';
import { chooseParallelism, startJob } from './job-start.js';
import type { RunningJob } from './job-start.js';
import { AutopilotDriver } from './autopilot-driver.js';
import { stopIdleForeground } from './foreground-idle.js';
import { StatementPhases, wasRunning } from './statement-phases.js';
import type { ParallelismLimit } from './parallel/parallelism.js';
import { checkStateless, startPosition } from './start-position.js';
import { PlanFingerprints, planFingerprint } from './plan-fingerprint.js';
import { isStatefulPlan } from '../planner/index.js';

interface Active {
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

/** `status.detail` of a cut-over statement while it rebuilds its state with output suppressed (streamform's own). */
export const CUT_OVER_DETAIL = 'Statement is running; its output is suppressed until it has read up to the offsets of the statement it replaces (cut-over).';
const RUNNING_DETAIL = 'Statement is running';

/** Runs the statements of one local cloud; see the file header. */
export class StatementExecutor implements Executor {
  readonly #cloud: ExecutorCloud;
  readonly #clock: Clock;
  readonly #ids: IdSource;
  readonly #o: ExecutorOptions;
  /** Pool capacity, CFU metering and metrics (absent: no pool limits, nothing measured). */
  readonly #ops: FlinkOperations | undefined;
  readonly #catalog: FlinkCatalog;
  readonly #checkpoints: CheckpointStore;
  readonly #plans: PlanFingerprints;
  readonly #active = new Map<string, Active>();
  readonly #queue = new Set<string>();
  readonly #recovery: Recoveries;
  readonly #phases: StatementPhases;
  /** Statements between a rescale's savepoint and their restart at the new parallelism. */
  readonly #rescales = new Map<string, { readonly uid: string; readonly parallelism: number; readonly cfus: number }>();
  readonly #autopilot: AutopilotDriver | undefined;
  /** Statements the idle rule is stopping. */
  readonly #idleStops = new Set<string>();
  /** Statements PENDING until their `sql.tables.initial-offset-from` statement stops. */
  readonly #waiting = new Set<string>();
  #idleCheck: NodeJS.Timeout | undefined;
  #timer: NodeJS.Immediate | undefined;
  #detach: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;
  #closed = false;

  constructor(cloud: ExecutorCloud, opts: ExecutorOptions & { readonly operations?: FlinkOperations } = {}) {
    this.#cloud = cloud;
    this.#o = opts;
    this.#ops = opts.operations;
    this.#clock = opts.clock ?? systemClock;
    this.#ids = opts.ids ?? systemIds;
    this.#catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock: this.#clock });
    this.#checkpoints = new CheckpointStore(cloud.database);
    this.#plans = new PlanFingerprints(cloud.database);
    this.#recovery = new Recoveries({
      statements: cloud.statements, policy: opts.restart, enqueue: (k) => this.#enqueue(k),
      jobEnded: (env, name) => this.#jobEnded(env, name), closed: () => this.#closed,
    });
    this.#phases = new StatementPhases({
      statements: cloud.statements, checkpoints: this.#checkpoints, recovery: this.#recovery, idleStops: this.#idleStops,
      jobEnded: (env, name) => this.#jobEnded(env, name),
    });
    this.#autopilot = opts.autopilot?.enabled === false ? undefined : new AutopilotDriver({
      statements: cloud.statements, topics: cloud.topics, clock: this.#clock, operations: this.#ops,
      jobs: () => [...this.#active].filter(([, a]) => !a.silent && a.rescale === undefined && !a.foreground && a.runner.ready())
        .map(([k, a]) => ({ key: k, parallelism: a.runner.parallelism, maxParallelism: a.limit.max, gauges: a.runner.gauges })),
      rescale: (k, parallelism, cfus) => {
        const a = this.#active.get(k);
        if (a === undefined || a.rescale !== undefined) return;
        a.rescale = { parallelism, cfus };
        a.runner.stop();
      },
    }, opts.autopilot);
  }

  /** Attaches to the store and picks up every runnable statement. */
  start(): this {
    const store = this.#cloud.statements;
    this.#detach = store.attachRuntime();
    this.#unsubscribe = store.subscribe((e) => {
      if (e.kind === 'deleted') this.#deleted(key(e.environmentId, e.name));
      else this.#enqueue(key(e.environmentId, e.name));
      // Any phase change may be the stop a carry-over waits for.
      for (const w of this.#waiting) this.#enqueue(w);
    });
    for (const s of store.listRunnable()) this.#enqueue(key(s.environmentId, s.name));
    this.#ops?.setWaker((refs) => { for (const r of refs) this.#enqueue(key(r.environmentId, r.name)); });
    this.#idleCheck = setInterval(() => {
      stopIdleForeground(this.#active, this.#cloud.statements, this.#clock.now(), this.#idleStops);
      for (const w of this.#waiting) this.#enqueue(w); // the 6-hour limit of a carry-over wait
    }, this.#o.idleCheckMs ?? 10_000);
    this.#idleCheck.unref();
    this.#autopilot?.start();
    return this;
  }

  /** A running statement's next source offsets (`status.latest_offsets` form); undefined when not running. */
  sourceOffsets(environmentId: string, name: string): { [topic: string]: string } | undefined {
    return this.#active.get(key(environmentId, name))?.runner.latestOffsets();
  }

  get running(): readonly string[] {
    return [...this.#active.keys()].map((k) => k.replace('\u0000', '/')).sort();
  }

  parallelism(environmentId: string, name: string): JobParallelism | undefined {
    const a = this.#active.get(key(environmentId, name));
    if (a === undefined) return undefined;
    const utilization = a.runner.utilization();
    return {
      parallelism: a.runner.parallelism, maxParallelism: a.limit.max, threadIds: a.runner.threadIds(),
      ...(a.limit.reason === undefined ? {} : { limitReason: a.limit.reason }), ...(utilization === undefined ? {} : { utilization }),
    };
  }

  terminateSubtask(environmentId: string, name: string, index: number): boolean {
    return this.#active.get(key(environmentId, name))?.runner.terminateSubtask(index) ?? false;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearImmediate(this.#timer);
    if (this.#idleCheck !== undefined) clearInterval(this.#idleCheck);
    this.#autopilot?.stop();
    for (const k of this.#recovery.keys()) if (!this.#active.has(k)) this.#recovery.abandon(k);
    const halting = [...this.#active.values()].map((a) => {
      a.silent = true;
      a.runner.stop();
      return a.done;
    });
    await Promise.all(halting);
    this.#detach?.();
  }

  #enqueue(k: string): void {
    if (this.#closed) return;
    this.#queue.add(k);
    this.#timer ??= setImmediate(() => {
      this.#timer = undefined;
      const keys = [...this.#queue];
      this.#queue.clear();
      for (const x of keys) this.#handle(x);
    });
  }

  #handle(k: string): void {
    if (this.#closed) return;
    const [env = '', name = ''] = k.split('\u0000');
    const store = this.#cloud.statements;
    const rec = store.get(env, name);
    if (rec === undefined) return;
    const active = this.#active.get(k);
    const recovery = this.#recovery.get(k);
    if (rec.spec.stopped) {
      if (active !== undefined) active.runner.stop();
      else if (rec.status.phase === 'STOPPING') {
        // Stopped while waiting for a restart: its last checkpoint is where a resume continues.
        if (recovery !== undefined) { this.#recovery.abandon(k); this.#phases.recordOffsets(rec); }
        if (this.#rescales.delete(k)) { this.#jobEnded(env, name); this.#phases.recordOffsets(rec); this.#autopilot?.rescaled(rec); }
        store.setPhase(env, name, 'STOPPED', 'Statement was stopped by the user.');
      }
      return;
    }
    if (active !== undefined || recovery?.timer !== undefined || recovery?.windingDown === true) return;
    if (rec.status.phase !== 'PENDING' && rec.status.phase !== 'RUNNING' && rec.status.phase !== 'DEGRADED') return;
    try {
      this.#launch(k, rec);
    } catch (e) {
      // The outside world failed while starting the job (a topic deleted meanwhile, an unreadable
      // checkpoint): a statement that already ran restarts later unless the cause is the user's;
      // otherwise it fails with the reason instead of taking the cloud down.
      this.#active.delete(k);
      const cls = classifyFailure(e);
      if (cls !== 'user' && wasRunning(rec)) {
        this.#recovery.failed(k, rec, recoverableException(e, cls), { cfus: this.#recovery.get(k)?.cfus, windingDown: false });
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      store.appendException(env, name, { name: e instanceof Error ? e.name : 'Error', message });
      store.setPhase(env, name, 'FAILED', message);
    }
  }

  #launch(k: string, rec: StatementRecord): void {
    const store = this.#cloud.statements;
    const env = rec.environmentId;
    const name = rec.name;
    const firstLaunch = rec.status.traits === undefined;
    const start = startPosition(rec, store, this.#clock.now(), firstLaunch);
    this.#waiting.delete(k);
    if (start.kind === 'wait') {
      this.#waiting.add(k);
      if (rec.status.detail !== start.detail) store.setPhase(env, name, 'PENDING', start.detail);
      return;
    }
    if (start.kind === 'fail') return this.#phases.planFailed(k, rec, [errorDiag('flink-carry-over', start.detail)]);
    const prepared = prepareStatement(rec.spec.statement, start.properties, this.#catalog, { firstLaunch, clock: this.#clock, ids: this.#ids });
    if (prepared.value === undefined) return this.#phases.planFailed(k, rec, prepared.diagnostics);
    const p = prepared.value;
    const notStateless = p.kind === 'job' && start.carriedFrom !== undefined ? checkStateless(p.plan, start.carriedFrom) : undefined;
    if (notStateless !== undefined) return this.#phases.planFailed(k, rec, [errorDiag('flink-carry-over-stateful', notStateless)]);
    store.setTraits(env, name, p.traits);
    if (p.kind === 'metadata') {
      const result = p.result.result;
      if (result !== undefined) store.appendResults(env, name, result.rows.map((row): ResultRow => ({ op: 0, row: [...row] })));
      store.setPhase(env, name, 'COMPLETED', p.result.detail);
      return;
    }
    // Operator state restores only into the plan shape it was written for (plan-fingerprint.ts).
    const misfit = this.#plans.admit(rec.uid, planFingerprint(p.plan), isStatefulPlan(p.plan) && this.#checkpoints.group(rec.uid).length > 0, name);
    if (misfit !== undefined) {
      // Not recoverable by restarting: FAILED, and a pending restart gives its CFUs back.
      this.#recovery.abandon(k);
      store.appendException(env, name, { name: 'org.apache.flink.util.StateMigrationException', message: misfit });
      store.setPhase(env, name, 'FAILED', misfit);
      return;
    }
    const rescale = this.#rescales.get(k);
    this.#rescales.delete(k);
    const { limit, parallelism, keyGroups } = chooseParallelism(this.#cloud, rec.uid, p.plan, { autopilot: this.#autopilot !== undefined, requested: rescale?.parallelism, fixed: this.#autopilot?.fixed });
    // A job needs CFUs of its compute pool: when the pool is exhausted it stays PENDING (§6). A
    // restart reuses the CFUs the statement kept while it waited; a rescale those it was granted.
    const held = rescale?.cfus ?? this.#recovery.get(k)?.cfus;
    const admission = held === undefined ? this.#ops?.admit({ environmentId: env, name }, { sqlKind: p.traits.sqlKind, parallelism }) : undefined;
    if (admission?.kind === 'exhausted') return;
    for (const w of admission?.wake ?? []) this.#enqueue(key(w.environmentId, w.name));
    const cfus = held ?? admission?.cfus ?? 0;
    let entry: Active | undefined;
    const job = startJob({
      cloud: this.#cloud, rec, properties: start.properties, plan: p.plan, timeZone: p.timeZone, parallelism, keyGroups, clock: this.#clock,
      checkpointIntervalMs: this.#o.checkpointIntervalMs ?? 1000, idlePollMs: this.#o.idlePollMs,
    }, {
      deliverResults: (changes) => { store.appendResults(env, name, changes.map((c): ResultRow => ({ op: c.op, row: c.row }))); },
      onPhase: (phase, detail, failure) => {
        if (entry?.silent === true) return;
        // A rescale's stop is not the statement's: it stays RUNNING and starts again.
        if (entry?.rescale !== undefined && (phase === 'STOPPING' || phase === 'STOPPED')) return;
        if (failure === undefined || failure.class === 'user') this.#phases.changed(k, rec, phase, phase === 'RUNNING' && runner.suppressingOutput() ? CUT_OVER_DETAIL : detail);
        else if (phase === 'FAILED') this.#recovery.failed(k, rec, recoverableException(failure.error, failure.class), { cfus, windingDown: true });
      },
      onCheckpoint: (_id, kind) => {
        if (entry?.silent === true || kind !== 'checkpoint') return;
        this.#recovery.recovered(k, rec);
        if (!runner.suppressingOutput() && store.get(env, name)?.status.detail === CUT_OVER_DETAIL) store.setPhase(env, name, 'RUNNING', RUNNING_DETAIL);
      },
    });
    if (job.value === undefined) return this.#phases.planFailed(k, rec, job.diagnostics);
    const runner = job.value;
    // Registered before the first slice, which runs synchronously and may already end the job.
    this.#ops?.started(rec, {
      cfus, probe: runner.gauges, restart: rec.status.phase !== 'PENDING' && rescale === undefined,
      parallelism: { parallelism, maxParallelism: limit.max, subtaskThreads: parallelism > 1 ? parallelism : 0, ...(limit.reason === undefined ? {} : { limitReason: limit.reason }) },
    });
    if (rescale !== undefined) this.#autopilot?.rescaled(rec);
    let final: RunnerPhase | undefined;
    const done = runner.run().then((ph) => { final = ph; }, (e: unknown) => { this.#phases.changed(k, rec, 'FAILED', e instanceof Error ? e.message : String(e)); })
      .finally(() => {
        this.#active.delete(k);
        this.#idleStops.delete(k);
        const again = entry?.rescale;
        if (again !== undefined && final === 'STOPPED' && entry?.silent !== true && !this.#closed) {
          // Rescale: the savepoint is taken; start again at the new parallelism (CFUs kept).
          this.#rescales.set(k, { uid: rec.uid, ...again });
          this.#enqueue(k);
          return;
        }
        this.#autopilot?.forget(k);
        const r = this.#recovery.get(k);
        if (r?.windingDown === true && entry?.silent !== true && !this.#closed) {
          r.windingDown = false;
          this.#recovery.scheduleRestart(k, r);
          return;
        }
        this.#recovery.delete(k);
        this.#jobEnded(env, name);
      });
    entry = { runner, limit, rescale: undefined, uid: rec.uid, done, silent: false, foreground: p.traits.sqlKind === 'SELECT', startedAt: this.#clock.now() };
    this.#active.set(k, entry);
  }

  /** Frees the job's CFUs; the pool's waiters get another look, first in line first. */
  #jobEnded(env: string, name: string): void {
    for (const w of this.#ops?.ended({ environmentId: env, name }) ?? []) this.#enqueue(key(w.environmentId, w.name));
  }

  #deleted(k: string): void {
    this.#waiting.delete(k);
    const a = this.#active.get(k);
    if (a === undefined) {
      // Deleted while waiting for a restart or between a rescale's two runs.
      const uid = this.#recovery.abandon(k)?.uid ?? this.#rescales.get(k)?.uid;
      if (this.#rescales.delete(k)) this.#jobEnded(...(k.split('\u0000') as [string, string]));
      if (uid !== undefined) this.#forget(uid);
      return;
    }
    a.silent = true;
    a.runner.stop();
    void a.done.then(() => this.#forget(a.uid));
  }

  /** A deleted statement's checkpoints and plan shape. */
  #forget(uid: string): void {
    this.#checkpoints.delete(uid);
    this.#plans.delete(uid);
  }
}

function key(env: string, name: string): string {
  return `${env}\u0000${name}`;
}
