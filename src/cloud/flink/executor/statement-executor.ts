/**
 * The statement executor: attaches to the StatementStore as its runtime and drives every statement
 * through its phases (confluent-flink.md §5.2, §5.3, §11). PENDING statements are parsed, bound
 * and planned; metadata statements COMPLETE at once with their detail and result set; jobs run in
 * a TaskRunner (RUNNING; bounded ones COMPLETE). A stop takes a savepoint (STOPPING → STOPPED); a
 * resume restores it. User failures (planning, deserialization, casts) end FAILED with the message
 * in `status.detail` and the exceptions list. Recoverable failures (a topic deleted, system errors;
 * §11) restart the job from its last checkpoint after a backoff while the statement stays RUNNING
 * and keeps its CFUs; each failure is added to the exceptions list, repeated failures without a
 * committed checkpoint show DEGRADED, and the first checkpoint of a restarted job shows RUNNING
 * again. A statement that already ran re-plans on restart; when that fails (its table's topic is
 * gone) it is a recoverable failure too. On startup, statements that were RUNNING or DEGRADED resume
 * from their last checkpoint, which is keyed by the statement's uid.
 *
 * Store events arrive synchronously, also from this class's own writes, so they are queued and
 * handled on the next macrotask, one statement at a time.
 */
import { errorDiag, systemClock, systemIds } from '../../../shared/index.js';
import type { Clock, Diagnostic, IdSource } from '../../../shared/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { CheckpointStore, TaskRunner, classifyFailure } from '../runtime/index.js';
import type { RunnerPhase, TopicSourcePosition } from '../runtime/index.js';
import type { ResultRow, StatementRecord } from '../statements/index.js';
import type { Executor, ExecutorCloud, ExecutorOptions } from './types.js';
import { prepareStatement } from './statement-job.js';
import { buildJob } from './job-builder.js';
import { JobProbe, scanLocations } from './operations/index.js';
import type { FlinkOperations } from './operations/index.js';
import { DEGRADED_DETAIL, isDegraded, recoverableException, restartDelayMs } from './restart-policy.js';
import { checkStateless, startPosition } from './start-position.js';

interface Active {
  readonly runner: TaskRunner;
  readonly uid: string;
  readonly done: Promise<void>;
  /** Set when the statement was deleted or the executor closes: phase changes are not written. */
  silent: boolean;
  /** A foreground query (SELECT): stopped when nobody fetches its results for 5 minutes. */
  readonly foreground: boolean;
  /** When the job started (injected clock). */
  readonly startedAt: number;
}

/** A foreground statement whose results nobody fetched for this long is STOPPED (§5.1, §5.2). */
const FOREGROUND_IDLE_MS = 5 * 60_000;
/** `status.detail` of a statement stopped by the idle rule (exact Confluent text UNCONFIRMED). */
const IDLE_STOP_DETAIL = 'Statement was stopped because no client fetched its results for 5 minutes.';

/** `status.detail` of a cut-over statement while it rebuilds its state with output suppressed (streamform's own). */
export const CUT_OVER_DETAIL = 'Statement is running; its output is suppressed until it has read up to the offsets of the statement it replaces (cut-over).';
const RUNNING_DETAIL = 'Statement is running';

/** A statement between a recoverable failure and the first checkpoint of its restarted job. */
interface Recovery {
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
  readonly #active = new Map<string, Active>();
  readonly #queue = new Set<string>();
  readonly #recovery = new Map<string, Recovery>();
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
      this.#stopIdleForeground();
      for (const w of this.#waiting) this.#enqueue(w); // the 6-hour limit of a carry-over wait
    }, this.#o.idleCheckMs ?? 10_000);
    this.#idleCheck.unref();
    return this;
  }

  /** A running statement's next source offsets (`status.latest_offsets` form); undefined when not running. */
  sourceOffsets(environmentId: string, name: string): { [topic: string]: string } | undefined {
    return this.#active.get(key(environmentId, name))?.runner.latestOffsets();
  }

  get running(): readonly string[] {
    return [...this.#active.keys()].map((k) => k.replace('\u0000', '/')).sort();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearImmediate(this.#timer);
    if (this.#idleCheck !== undefined) clearInterval(this.#idleCheck);
    for (const k of [...this.#recovery.keys()]) if (!this.#active.has(k)) this.#abandonRecovery(k);
    const halting = [...this.#active.values()].map((a) => {
      a.silent = true;
      a.runner.stop({ whileRunning: true });
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
      if (active !== undefined) active.runner.stop({ whileRunning: true });
      else if (rec.status.phase === 'STOPPING') {
        // Stopped while waiting for a restart: its last checkpoint is where a resume continues.
        if (recovery !== undefined) { this.#abandonRecovery(k); this.#recordOffsets(rec); }
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
        this.#recoverableFailure(k, rec, recoverableException(e, cls), { cfus: this.#recovery.get(k)?.cfus, windingDown: false });
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
    if (start.kind === 'fail') return this.#failed(k, rec, [errorDiag('flink-carry-over', start.detail)]);
    const prepared = prepareStatement(rec.spec.statement, start.properties, this.#catalog, { firstLaunch, clock: this.#clock, ids: this.#ids });
    if (prepared.value === undefined) return this.#failed(k, rec, prepared.diagnostics);
    const p = prepared.value;
    const notStateless = p.kind === 'job' && start.carriedFrom !== undefined ? checkStateless(p.plan, start.carriedFrom) : undefined;
    if (notStateless !== undefined) return this.#failed(k, rec, [errorDiag('flink-carry-over-stateful', notStateless)]);
    store.setTraits(env, name, p.traits);
    if (p.kind === 'metadata') {
      const result = p.result.result;
      if (result !== undefined) store.appendResults(env, name, result.rows.map((row): ResultRow => ({ op: 0, row: [...row] })));
      store.setPhase(env, name, 'COMPLETED', p.result.detail);
      return;
    }
    // A job needs CFUs of its compute pool: when the pool is exhausted it stays PENDING (§6). A
    // restart reuses the CFUs the statement kept while it waited.
    const held = this.#recovery.get(k)?.cfus;
    const admission = held === undefined ? this.#ops?.admit({ environmentId: env, name }, { sqlKind: p.traits.sqlKind }) : undefined;
    if (admission?.kind === 'exhausted') return;
    for (const w of admission?.wake ?? []) this.#enqueue(key(w.environmentId, w.name));
    const cfus = held ?? admission?.cfus ?? 0;
    const job = buildJob(p.plan, {
      topics: this.#cloud.topics, schemaRegistry: this.#cloud.schemaRegistry, clock: this.#clock, timeZone: p.timeZone,
      deliverResults: (changes) => { store.appendResults(env, name, changes.map((c): ResultRow => ({ op: c.op, row: c.row }))); },
    });
    if (job.value === undefined) return this.#failed(k, rec, job.diagnostics);
    let entry: Active | undefined;
    const probed = JobProbe.instrument(job.value, scanLocations(p.plan));
    const runner = new TaskRunner(probed.graph, {
      statement: rec.uid, db: this.#cloud.database, clock: this.#clock,
      checkpoints: { everyMs: this.#o.checkpointIntervalMs ?? 1000 },
      ...(this.#o.idlePollMs === undefined ? {} : { idlePollMs: this.#o.idlePollMs }),
      onPhase: (phase, detail) => {
        if (entry?.silent === true) return;
        const failure = phase === 'FAILING' || phase === 'FAILED' ? runner.failure : undefined;
        if (failure === undefined || failure.class === 'user') this.#onPhase(k, rec, phase, phase === 'RUNNING' && runner.suppressingOutput ? CUT_OVER_DETAIL : detail);
        else if (phase === 'FAILED') this.#recoverableFailure(k, rec, recoverableException(failure.error, failure.class), { cfus, windingDown: true });
      },
      onCheckpoint: (_id, kind) => {
        if (entry?.silent === true || kind !== 'checkpoint') return;
        this.#recovered(k, rec);
        if (!runner.suppressingOutput && store.get(env, name)?.status.detail === CUT_OVER_DETAIL) store.setPhase(env, name, 'RUNNING', RUNNING_DETAIL);
      },
    });
    runner.restore();
    // Registered before the first slice, which runs synchronously and may already end the job.
    this.#ops?.started(rec, { cfus, probe: probed.probe, restart: rec.status.phase !== 'PENDING' });
    const done = runner.run().then(() => undefined, (e: unknown) => { this.#onPhase(k, rec, 'FAILED', e instanceof Error ? e.message : String(e)); })
      .finally(() => {
        this.#active.delete(k);
        this.#idleStops.delete(k);
        const r = this.#recovery.get(k);
        if (r?.windingDown === true && entry?.silent !== true && !this.#closed) {
          r.windingDown = false;
          this.#scheduleRestart(k, r);
          return;
        }
        this.#recovery.delete(k);
        this.#jobEnded(env, name);
      });
    entry = { runner, uid: rec.uid, done, silent: false, foreground: p.traits.sqlKind === 'SELECT', startedAt: this.#clock.now() };
    this.#active.set(k, entry);
  }

  /** Frees the job's CFUs; the pool's waiters get another look, first in line first. */
  #jobEnded(env: string, name: string): void {
    for (const w of this.#ops?.ended({ environmentId: env, name }) ?? []) this.#enqueue(key(w.environmentId, w.name));
  }

  /**
   * A recoverable failure (§11): listed in the exceptions, DEGRADED when it repeats without a
   * checkpoint in between, and a restart after a backoff (once the failed job has wound down).
   */
  #recoverableFailure(k: string, rec: StatementRecord, ex: { name: string; message: string }, opts: { readonly cfus: number | undefined; readonly windingDown: boolean }): void {
    const store = this.#cloud.statements;
    const env = rec.environmentId;
    const name = rec.name;
    store.appendException(env, name, ex);
    let r = this.#recovery.get(k);
    if (r === undefined) {
      r = { uid: rec.uid, failures: 0, cfus: undefined, timer: undefined, windingDown: false };
      this.#recovery.set(k, r);
    }
    if (opts.cfus !== undefined) r.cfus = opts.cfus;
    r.failures++;
    const cur = store.get(env, name);
    if (isDegraded(r.failures, this.#o.restart) && cur !== undefined && !cur.spec.stopped && cur.status.phase !== 'DEGRADED') {
      store.setPhase(env, name, 'DEGRADED', DEGRADED_DETAIL);
    }
    if (opts.windingDown) r.windingDown = true;
    else this.#scheduleRestart(k, r);
  }

  #scheduleRestart(k: string, r: Recovery): void {
    if (this.#closed) return;
    r.timer = setTimeout(() => {
      r.timer = undefined;
      this.#enqueue(k);
    }, restartDelayMs(r.failures, this.#o.restart));
    r.timer.unref();
  }

  /** A restarted job committed a checkpoint: the statement is healthy (RUNNING) again. */
  #recovered(k: string, rec: StatementRecord): void {
    if (!this.#recovery.delete(k)) return;
    const store = this.#cloud.statements;
    const cur = store.get(rec.environmentId, rec.name);
    if (cur?.status.phase === 'DEGRADED') store.setPhase(rec.environmentId, rec.name, 'RUNNING', 'Statement is running');
  }

  /** Gives up a pending restart (stop, delete, close): the statement no longer holds CFUs. */
  #abandonRecovery(k: string): Recovery | undefined {
    const r = this.#recovery.get(k);
    if (r === undefined) return undefined;
    if (r.timer !== undefined) clearTimeout(r.timer);
    this.#recovery.delete(k);
    const [env = '', name = ''] = k.split('\u0000');
    this.#jobEnded(env, name);
    return r;
  }

  #onPhase(k: string, rec: StatementRecord, phase: RunnerPhase, detail: string): void {
    const store = this.#cloud.statements;
    const env = rec.environmentId;
    const name = rec.name;
    // A finished job holds no CFUs from the moment its phase says so (§5.2).
    if (phase === 'COMPLETED' || phase === 'FAILED' || phase === 'STOPPED') this.#jobEnded(env, name);
    switch (phase) {
      case 'CREATED': case 'STOPPING': return;
      // A restarted job shows RUNNING once it has committed a checkpoint (#recovered).
      case 'RUNNING': if (!this.#recovery.has(k)) store.setPhase(env, name, 'RUNNING', detail); return;
      case 'COMPLETED': store.setPhase(env, name, 'COMPLETED', detail); return;
      case 'FAILING': store.setPhase(env, name, 'FAILING', detail); return;
      case 'FAILED':
        store.appendException(env, name, { name: 'org.apache.flink.table.api.TableException', message: detail });
        store.setPhase(env, name, 'FAILED', detail);
        return;
      case 'STOPPED':
        this.#recordOffsets(rec);
        store.setPhase(env, name, 'STOPPED', this.#idleStops.delete(k) ? IDLE_STOP_DETAIL : 'Statement was stopped by the user.');
        return;
    }
  }

  /** `status.latest_offsets` from the savepoint: topic → `partition:0,offset:N;…`. */
  #recordOffsets(rec: StatementRecord): void {
    const cp = this.#checkpoints.latest(rec.uid);
    if (cp === undefined) return;
    const offsets: Record<string, string> = {};
    for (const pos of Object.values(cp.sourceOffsets)) {
      const p = pos as Partial<TopicSourcePosition>;
      if (typeof p.topic !== 'string' || !Array.isArray(p.partitions)) continue;
      offsets[p.topic] = p.partitions.map((x) => `partition:${x.partition},offset:${x.next}`).join(';');
    }
    if (Object.keys(offsets).length > 0) this.#cloud.statements.setLatestOffsets(rec.environmentId, rec.name, offsets);
  }

  #failed(k: string, rec: StatementRecord, diags: readonly Diagnostic[]): void {
    const detail = diags.map((d) => d.summary).join('\n') || 'SQL validation failed. Internal error!';
    // Re-planning a statement that already ran fails when its table's topic was deleted: that is
    // recoverable (the topic may come back), unlike a statement that never planned.
    if (wasRunning(rec)) {
      this.#recoverableFailure(k, rec, { name: 'org.apache.flink.table.api.ValidationException', message: detail }, { cfus: this.#recovery.get(k)?.cfus, windingDown: false });
      return;
    }
    const store = this.#cloud.statements;
    store.appendException(rec.environmentId, rec.name, { name: 'org.apache.flink.table.api.ValidationException', message: detail });
    store.setPhase(rec.environmentId, rec.name, 'FAILED', detail);
  }

  /**
   * The idle rule: a running foreground statement whose results no client fetched for 5 minutes
   * (since it started or since the last fetch) is stopped like a user stop, with its own detail.
   */
  #stopIdleForeground(): void {
    const store = this.#cloud.statements;
    const now = this.#clock.now();
    for (const [k, a] of this.#active) {
      if (!a.foreground || a.silent || this.#idleStops.has(k)) continue;
      const [env = '', name = ''] = k.split('\u0000');
      const last = Math.max(a.startedAt, store.resultsFetchedAt(env, name) ?? a.startedAt);
      if (now - last < FOREGROUND_IDLE_MS) continue;
      const rec = store.get(env, name);
      if (rec === undefined || rec.spec.stopped || (rec.status.phase !== 'RUNNING' && rec.status.phase !== 'DEGRADED')) continue;
      this.#idleStops.add(k);
      store.replace({ ...rec, spec: { ...rec.spec, stopped: true }, status: { ...rec.status, phase: 'STOPPING', detail: 'Statement is stopping.' } });
    }
  }

  #deleted(k: string): void {
    this.#waiting.delete(k);
    const a = this.#active.get(k);
    if (a === undefined) {
      const r = this.#abandonRecovery(k);
      if (r !== undefined) this.#checkpoints.delete(r.uid);
      return;
    }
    a.silent = true;
    a.runner.stop({ whileRunning: true });
    void a.done.then(() => this.#checkpoints.delete(a.uid));
  }
}

/** True for a statement that planned and ran before (a restart or a resume after a cloud restart). */
function wasRunning(rec: StatementRecord): boolean {
  return rec.status.traits !== undefined && (rec.status.phase === 'RUNNING' || rec.status.phase === 'DEGRADED');
}

function key(env: string, name: string): string {
  return `${env}\u0000${name}`;
}
