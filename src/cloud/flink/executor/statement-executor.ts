/**
 * The statement executor: attaches to the StatementStore as its runtime and drives every statement
 * through its phases (confluent-flink.md §5.2, §5.3, §11). PENDING statements are parsed, bound
 * and planned; metadata statements COMPLETE at once with their detail and result set; jobs run in
 * a TaskRunner (RUNNING; bounded ones COMPLETE). A stop takes a savepoint (STOPPING → STOPPED); a
 * resume restores it. Failures (planning, deserialization, casts) end FAILED with the message in
 * `status.detail` and the exceptions list. On startup, statements that were RUNNING resume from
 * their last checkpoint, which is keyed by the statement's uid.
 *
 * Store events arrive synchronously, also from this class's own writes, so they are queued and
 * handled on the next macrotask, one statement at a time.
 */
import { systemClock, systemIds } from '../../../shared/index.js';
import type { Clock, Diagnostic, IdSource } from '../../../shared/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { CheckpointStore, TaskRunner } from '../runtime/index.js';
import type { RunnerPhase, TopicSourcePosition } from '../runtime/index.js';
import type { ResultRow, StatementRecord } from '../statements/index.js';
import type { Executor, ExecutorCloud, ExecutorOptions } from './types.js';
import { prepareStatement } from './statement-job.js';
import { buildJob } from './job-builder.js';
import { JobProbe, scanLocations } from './operations/index.js';
import type { FlinkOperations } from './operations/index.js';

interface Active {
  readonly runner: TaskRunner;
  readonly uid: string;
  readonly done: Promise<void>;
  /** Set when the statement was deleted or the executor closes: phase changes are not written. */
  silent: boolean;
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
    });
    for (const s of store.listRunnable()) this.#enqueue(key(s.environmentId, s.name));
    this.#ops?.setWaker((refs) => { for (const r of refs) this.#enqueue(key(r.environmentId, r.name)); });
    return this;
  }

  get running(): readonly string[] {
    return [...this.#active.keys()].map((k) => k.replace('\u0000', '/')).sort();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe?.();
    if (this.#timer !== undefined) clearImmediate(this.#timer);
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
    if (rec.spec.stopped) {
      if (active !== undefined) active.runner.stop({ whileRunning: true });
      else if (rec.status.phase === 'STOPPING') store.setPhase(env, name, 'STOPPED', 'Statement was stopped by the user.');
      return;
    }
    if (active !== undefined) return;
    if (rec.status.phase !== 'PENDING' && rec.status.phase !== 'RUNNING' && rec.status.phase !== 'DEGRADED') return;
    try {
      this.#launch(k, rec);
    } catch (e) {
      // The outside world failed while starting the job (a topic deleted meanwhile, an unreadable
      // checkpoint): the statement fails with the reason instead of taking the cloud down.
      this.#active.delete(k);
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
    const prepared = prepareStatement(rec.spec.statement, rec.spec.properties, this.#catalog, { firstLaunch, clock: this.#clock, ids: this.#ids });
    if (prepared.value === undefined) return this.#failed(rec, prepared.diagnostics);
    const p = prepared.value;
    store.setTraits(env, name, p.traits);
    if (p.kind === 'metadata') {
      const result = p.result.result;
      if (result !== undefined) store.appendResults(env, name, result.rows.map((row): ResultRow => ({ op: 0, row: [...row] })));
      store.setPhase(env, name, 'COMPLETED', p.result.detail);
      return;
    }
    // A job needs CFUs of its compute pool: when the pool is exhausted it stays PENDING (§6).
    const admission = this.#ops?.admit({ environmentId: env, name }, { sqlKind: p.traits.sqlKind });
    if (admission?.kind === 'exhausted') return;
    for (const w of admission?.wake ?? []) this.#enqueue(key(w.environmentId, w.name));
    const job = buildJob(p.plan, {
      topics: this.#cloud.topics, schemaRegistry: this.#cloud.schemaRegistry, clock: this.#clock, timeZone: p.timeZone,
      deliverResults: (changes) => { store.appendResults(env, name, changes.map((c): ResultRow => ({ op: c.op, row: c.row }))); },
    });
    if (job.value === undefined) return this.#failed(rec, job.diagnostics);
    let entry: Active | undefined;
    const probed = JobProbe.instrument(job.value, scanLocations(p.plan));
    const runner = new TaskRunner(probed.graph, {
      statement: rec.uid, db: this.#cloud.database, clock: this.#clock,
      checkpoints: { everyMs: this.#o.checkpointIntervalMs ?? 1000 },
      ...(this.#o.idlePollMs === undefined ? {} : { idlePollMs: this.#o.idlePollMs }),
      onPhase: (phase, detail) => { if (entry?.silent !== true) this.#onPhase(rec, phase, detail); },
    });
    runner.restore();
    // Registered before the first slice, which runs synchronously and may already end the job.
    this.#ops?.started(rec, { cfus: admission?.cfus ?? 0, probe: probed.probe, restart: rec.status.phase !== 'PENDING' });
    const done = runner.run().then(() => undefined, (e: unknown) => { this.#onPhase(rec, 'FAILED', e instanceof Error ? e.message : String(e)); })
      .finally(() => { this.#active.delete(k); this.#jobEnded(env, name); });
    entry = { runner, uid: rec.uid, done, silent: false };
    this.#active.set(k, entry);
  }

  /** Frees the job's CFUs; the pool's waiters get another look, first in line first. */
  #jobEnded(env: string, name: string): void {
    for (const w of this.#ops?.ended({ environmentId: env, name }) ?? []) this.#enqueue(key(w.environmentId, w.name));
  }

  #onPhase(rec: StatementRecord, phase: RunnerPhase, detail: string): void {
    const store = this.#cloud.statements;
    const env = rec.environmentId;
    const name = rec.name;
    // A finished job holds no CFUs from the moment its phase says so (§5.2).
    if (phase === 'COMPLETED' || phase === 'FAILED' || phase === 'STOPPED') this.#jobEnded(env, name);
    switch (phase) {
      case 'CREATED': case 'STOPPING': return;
      case 'RUNNING': store.setPhase(env, name, 'RUNNING', detail); return;
      case 'COMPLETED': store.setPhase(env, name, 'COMPLETED', detail); return;
      case 'FAILING': store.setPhase(env, name, 'FAILING', detail); return;
      case 'FAILED':
        store.appendException(env, name, { name: 'org.apache.flink.table.api.TableException', message: detail });
        store.setPhase(env, name, 'FAILED', detail);
        return;
      case 'STOPPED':
        this.#recordOffsets(rec);
        store.setPhase(env, name, 'STOPPED', 'Statement was stopped by the user.');
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

  #failed(rec: StatementRecord, diags: readonly Diagnostic[]): void {
    const detail = diags.map((d) => d.summary).join('\n') || 'SQL validation failed. Internal error!';
    const store = this.#cloud.statements;
    store.appendException(rec.environmentId, rec.name, { name: 'org.apache.flink.table.api.ValidationException', message: detail });
    store.setPhase(rec.environmentId, rec.name, 'FAILED', detail);
  }

  #deleted(k: string): void {
    const a = this.#active.get(k);
    if (a === undefined) return;
    a.silent = true;
    a.runner.stop({ whileRunning: true });
    void a.done.then(() => this.#checkpoints.delete(a.uid));
  }
}

function key(env: string, name: string): string {
  return `${env}\u0000${name}`;
}
