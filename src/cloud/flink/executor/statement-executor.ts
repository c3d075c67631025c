/**
 * The statement executor: attaches to the StatementStore as its runtime and drives every statement
 * through its phases (confluent-flink.md §5.2, §5.3, §11; statement-phases.ts). PENDING statements
 * are parsed, bound and planned, and metadata statements COMPLETE at once with their detail and
 * result set (launch-checks.ts); jobs run (RUNNING; bounded ones COMPLETE; job-events.ts). A stop takes a savepoint (STOPPING → STOPPED); a
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
import { systemClock, systemIds } from '../../../shared/index.js';
import type { Clock, IdSource } from '../../../shared/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { CheckpointStore, classifyFailure } from '../runtime/index.js';
import type { RunnerPhase } from '../runtime/index.js';
import type { StatementRecord } from '../statements/index.js';
import type { Executor, ExecutorCloud, ExecutorOptions, JobParallelism } from './types.js';
import type { FlinkOperations } from './operations/index.js';
import { recoverableException } from './restart-policy.js';
import { Recoveries } from './recovery.js';
import { chooseParallelism, startJob } from './job-start.js';
import type { RunningJob } from './job-start.js';
import { AutopilotDriver } from './autopilot-driver.js';
import { jobEvents } from './job-events.js';
import type { ActiveJob } from './job-events.js';
import { stopIdleForeground } from './foreground-idle.js';
import { StatementPhases, wasRunning } from './statement-phases.js';
import { PlanFingerprints } from './plan-fingerprint.js';
import { checkLaunch } from './launch-checks.js';

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
  readonly #active = new Map<string, ActiveJob>();
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
    this.#waiting.delete(k);
    const checked = checkLaunch(rec, { store, catalog: this.#catalog, checkpoints: this.#checkpoints, plans: this.#plans, clock: this.#clock, ids: this.#ids });
    switch (checked.kind) {
      case 'wait': this.#waiting.add(k); return;
      case 'completed': return;
      case 'plan-failed': return this.#phases.planFailed(k, rec, checked.diagnostics);
      case 'state-misfit':
        // Not recoverable by restarting: FAILED, and a pending restart gives its CFUs back.
        this.#recovery.abandon(k);
        store.appendException(env, name, { name: 'org.apache.flink.util.StateMigrationException', message: checked.message });
        store.setPhase(env, name, 'FAILED', checked.message);
        return;
      case 'job': break;
    }
    const p = checked.job;
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
    let entry: ActiveJob | undefined;
    let started: RunningJob | undefined;
    const job = startJob({
      cloud: this.#cloud, rec, properties: checked.properties, plan: p.plan, timeZone: p.timeZone, parallelism, keyGroups, clock: this.#clock,
      checkpointIntervalMs: this.#o.checkpointIntervalMs ?? 1000, idlePollMs: this.#o.idlePollMs,
    }, jobEvents({ store, phases: this.#phases, recovery: this.#recovery }, k, rec, cfus, () => started, () => entry));
    if (job.value === undefined) return this.#phases.planFailed(k, rec, job.diagnostics);
    const runner = job.value;
    started = runner;
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
