/**
 * FlinkOperations: compute-pool capacity, CFU metering and statement metrics of one local cloud.
 * The executor asks it for admission before a job starts and reports every job's start and end;
 * the metrics routes and `currentCfu` read from it.
 *
 * Capacity (§6): a pool's running statements hold CFUs whose sum never exceeds `max_cfu`. A job
 * that does not fit stays PENDING with scaling state POOL_EXHAUSTED. Waiting is FIFO: the waiters
 * of a pool are its PENDING + POOL_EXHAUSTED statements ordered by when they started waiting
 * (`scaling_status.last_updated`, then creation order), derived from the store, so a stop, delete
 * or failure of a waiter needs no bookkeeping and a restarted cloud keeps the order.
 */
import type Database from 'better-sqlite3';
import { systemClock } from '../../../../shared/index.js';
import type { Clock } from '../../../../shared/index.js';
import type { TopicLogStore } from '../../../kafka/index.js';
import { CheckpointStore } from '../../runtime/index.js';
import { PENDING_DETAIL } from '../../statements/index.js';
import type { StatementRecord, StatementStore } from '../../statements/index.js';
import { CfuMeter } from './cfu-meter.js';
import { FinalGaugesStore, type FinalGauges } from './final-gauges.js';
import { cfuFor, exhaustedDetail, initialParallelism } from './cfu-model.js';
import type { JobGauges } from './job-probe.js';
import type { Admission, MetricsSnapshot, ParallelismInfo, PoolInfo, PoolMetrics, PoolUsage, StatementMetrics, StatementRef } from './types.js';

/** What operations reads from the rest of the cloud. */
export interface OperationsDeps {
  readonly database: Database.Database;
  readonly statements: StatementStore;
  readonly topics: TopicLogStore;
  /** A compute pool by id (undefined: unknown pool, no limit). */
  readonly computePool: (id: string) => PoolInfo | undefined;
  /** Every compute pool. */
  readonly computePools: () => readonly PoolInfo[];
  /** Every environment id (statements are listed per environment). */
  readonly environments: () => readonly string[];
}

/** Tuning and injection. */
export interface OperationsOptions {
  readonly clock?: Clock;
  /** How often rates are sampled and CFUs accrued (default 1000 ms; 0 = only when read). */
  readonly sampleIntervalMs?: number;
  /** Window of the moving rates (default 10 000 ms). */
  readonly rateWindowMs?: number;
  /** Receives a failure of a timer-driven sample (the timer has no caller to report to). */
  readonly onError?: (err: unknown) => void;
}

interface Sample { readonly at: number; readonly recordsIn: number; readonly recordsOut: number }

interface RunEntry {
  readonly ref: StatementRef;
  readonly uid: string;
  readonly poolId: string;
  cfus: number;
  runId: number;
  readonly probe: JobGauges;
  readonly samples: Sample[];
  readonly parallelism: ParallelismInfo;
}


const MAX_FINISHED = 1000;
const NON_TERMINAL = new Set(['PENDING', 'RUNNING', 'DEGRADED', 'STOPPING', 'FAILING', 'DELETING']);

/** See the file header. */
export class FlinkOperations {
  readonly #d: OperationsDeps;
  readonly #clock: Clock;
  readonly #window: number;
  readonly #meter: CfuMeter;
  readonly #stateSize;
  readonly #running = new Map<string, RunEntry>();
  /** Gauges of jobs that ended (final-gauges.ts), shown until the statement is deleted or runs again. */
  readonly #finished = new Map<string, FinalGauges>();
  readonly #finals: FinalGaugesStore;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #unsubscribe: () => void;
  #waker: ((refs: readonly StatementRef[]) => void) | undefined;

  constructor(deps: OperationsDeps, opts: OperationsOptions = {}) {
    this.#d = deps;
    this.#clock = opts.clock ?? systemClock;
    this.#window = opts.rateWindowMs ?? 10_000;
    this.#meter = new CfuMeter(deps.database, { clock: this.#clock });
    new CheckpointStore(deps.database); // creates flink_checkpoints, read below for state sizes
    this.#stateSize = deps.database.prepare<[string], { n: number }>(
      'SELECT length(operator_state) AS n FROM flink_checkpoints WHERE statement = ? ORDER BY checkpoint_id DESC LIMIT 1');
    this.#finals = new FinalGaugesStore(deps.database);
    for (const f of this.#finals.all()) this.#finished.set(keyOf(f.ref), f.gauges);
    this.#unsubscribe = deps.statements.subscribe((e) => { if (e.kind === 'deleted') this.#forgetFinal(e); });
    const every = opts.sampleIntervalMs ?? 1000;
    if (every > 0) {
      this.#timer = setInterval(() => {
        try {
          this.sample();
        } catch (err) {
          opts.onError?.(err);
        }
      }, every);
      this.#timer.unref();
    }
  }

  /**
   * May this statement's job start now? Writes the outcome into the statement: PENDING with the
   * exhausted detail and POOL_EXHAUSTED when not, scaling state OK again when it was waiting.
   */
  admit(ref: StatementRef, job: { readonly sqlKind: string; readonly parallelism?: number }): Admission {
    const cfus = cfuFor(job.parallelism ?? initialParallelism(job.sqlKind));
    const rec = this.#d.statements.get(ref.environmentId, ref.name);
    if (rec === undefined) return { kind: 'granted', cfus, wake: [] };
    const pool = rec.spec.computePoolId === '' ? undefined : this.#d.computePool(rec.spec.computePoolId);
    if (pool === undefined) return { kind: 'granted', cfus, wake: [] };
    const inUse = this.currentCfu(pool.id);
    const waiters = this.#waiters(pool);
    const mine = waiters.findIndex((w) => w.name === rec.name);
    const blocked = mine < 0 ? waiters.length > 0 : mine > 0;
    if (inUse + cfus <= pool.maxCfu && !blocked) {
      if (rec.status.scalingState === 'POOL_EXHAUSTED') {
        this.#d.statements.replace({ ...rec, status: { ...rec.status, detail: PENDING_DETAIL, scalingState: 'OK', scalingUpdatedAt: this.#nowIso() } });
      }
      // Room left: the next in line may fit too, and no job end would wake it.
      const rest = inUse + cfus < pool.maxCfu ? waiters.filter((w) => w.name !== rec.name).map(refOf) : [];
      return { kind: 'granted', cfus, wake: rest };
    }
    if (rec.status.phase !== 'PENDING' || rec.status.scalingState !== 'POOL_EXHAUSTED') {
      const { endTime: _drop, ...status } = rec.status;
      this.#d.statements.replace({
        ...rec,
        status: { ...status, phase: 'PENDING', detail: exhaustedDetail(pool.id, inUse, pool.maxCfu), scalingState: 'POOL_EXHAUSTED', scalingUpdatedAt: this.#nowIso() },
      });
    }
    return { kind: 'exhausted', poolId: pool.id, inUse, maxCfu: pool.maxCfu };
  }

  /** A job started (after `admit` granted it); `restart` when it recovered a RUNNING statement. */
  started(rec: StatementRecord, run: { readonly cfus: number; readonly probe: JobGauges; readonly restart: boolean; readonly parallelism?: ParallelismInfo }): void {
    const ref = { environmentId: rec.environmentId, name: rec.name };
    const k = keyOf(ref);
    const prior = this.#running.get(k);
    if (prior !== undefined) this.#meter.close(prior.runId);
    const poolId = rec.spec.computePoolId;
    const runId = this.#meter.open(ref, { uid: rec.uid, poolId, cfu: run.cfus, restart: run.restart });
    this.#running.set(k, {
      ref, uid: rec.uid, poolId, cfus: run.cfus, runId, probe: run.probe, samples: [{ at: this.#clock.now(), recordsIn: 0, recordsOut: 0 }],
      parallelism: run.parallelism ?? { parallelism: 1, maxParallelism: 1, subtaskThreads: 0 },
    });
    if (this.#finished.has(k)) this.#forgetFinal(ref);
  }

  /**
   * Autopilot changes a running job's parallelism to `parallelism`: its CFUs follow (cfu-model.ts)
   * when the pool has room for them and no statement waits for it. Returns the CFUs the job holds from now on, or undefined when
   * the pool cannot grant them (the job keeps what it has).
   */
  resize(ref: StatementRef, parallelism: number): number | undefined {
    const e = this.#running.get(keyOf(ref));
    if (e === undefined) return undefined;
    const cfus = cfuFor(parallelism);
    const pool = e.poolId === '' ? undefined : this.#d.computePool(e.poolId);
    // Statements waiting for the pool come first: a scale-up takes no CFU they are in line for.
    if (pool !== undefined && cfus > e.cfus && (this.currentCfu(pool.id) - e.cfus + cfus > pool.maxCfu || this.#waiters(pool).length > 0)) return undefined;
    if (cfus !== e.cfus) {
      this.#meter.close(e.runId);
      e.runId = this.#meter.open(ref, { uid: e.uid, poolId: e.poolId, cfu: cfus, restart: false });
      e.cfus = cfus;
    }
    return cfus;
  }

  /** The job's gauges now (pending records for Autopilot), undefined when it does not run. */
  pendingRecords(ref: StatementRef): number | undefined {
    const e = this.#running.get(keyOf(ref));
    return e === undefined ? undefined : e.probe.pendingRecords(this.#d.topics);
  }

  /** A job ended: closes its CFU run and frees its CFUs. Returns the pool's waiters, first in line first. */
  ended(ref: StatementRef): StatementRef[] {
    const k = keyOf(ref);
    const e = this.#running.get(k);
    if (e === undefined) return [];
    this.#meter.close(e.runId);
    this.#running.delete(k);
    const final = this.#gauges(e);
    this.#finished.delete(k); // re-inserted last: the oldest is evicted first
    this.#finished.set(k, final);
    this.#finals.put(ref, final);
    if (this.#finished.size > MAX_FINISHED) {
      const [oldest] = this.#finished.keys();
      const [environmentId = '', name = ''] = (oldest as string).split('/');
      this.#forgetFinal({ environmentId, name });
    }
    const pool = e.poolId === '' ? undefined : this.#d.computePool(e.poolId);
    return pool === undefined ? [] : this.#waiters(pool).map(refOf);
  }

  /** CFUs the running statements of a pool hold now. */
  currentCfu(poolId: string): number {
    let n = 0;
    for (const e of this.#running.values()) if (e.poolId === poolId) n += e.cfus;
    return n;
  }

  /**
   * Sets who re-examines waiting statements (the executor). A raised `max_cfu` wakes its pool's
   * waiters at once (wakeWaiters); each sample wakes those of every pool with room, which covers
   * any wake-up missed in between.
   */
  setWaker(waker: (refs: readonly StatementRef[]) => void): void {
    this.#waker = waker;
  }

  /** Hands the waiting statements of pools with room (of `poolId` only, when given) to the waker: a raised max_cfu starts them at once. */
  wakeWaiters(poolId?: string): void {
    if (this.#waker === undefined) return;
    for (const p of this.#d.computePools()) {
      if ((poolId !== undefined && p.id !== poolId) || this.currentCfu(p.id) >= p.maxCfu) continue;
      const waiters = this.#waiters(p);
      if (waiters.length > 0) this.#waker(waiters.map(refOf));
    }
  }

  /** Takes a rate sample of every running job, accrues CFUs and wakes waiters of pools with room (the timer calls this). */
  sample(): void {
    const now = this.#clock.now();
    this.#meter.accrue();
    this.wakeWaiters();
    for (const e of this.#running.values()) {
      e.samples.push({ at: now, recordsIn: e.probe.recordsIn, recordsOut: e.probe.recordsOut });
      while (e.samples.length > 2 && (e.samples[1] as Sample).at <= now - this.#window) e.samples.shift();
    }
  }

  /** Every statement's and pool's metrics now (see MetricsSnapshot for the order). */
  snapshot(): MetricsSnapshot {
    const now = this.#clock.now();
    const usage = this.#meter.usage();
    const minutes = new Map<string, number>();
    for (const u of usage) minutes.set(keyOf(u), (minutes.get(keyOf(u)) ?? 0) + u.cfuMinutes);
    const statements: StatementMetrics[] = [];
    for (const env of [...this.#d.environments()].sort()) {
      for (const rec of this.#d.statements.list(env)) {
        const k = keyOf(rec);
        const run = this.#running.get(k);
        const final = this.#finished.get(k);
        if (run === undefined && final === undefined && !NON_TERMINAL.has(rec.status.phase)) continue;
        statements.push(this.#statementMetrics(rec, run, final, { now, cfuMinutes: minutes.get(k) ?? 0 }));
      }
    }
    statements.sort((a, b) => b.pendingRecords - a.pendingRecords || cmp(a.environmentId, b.environmentId) || cmp(a.name, b.name));
    const poolMinutes = new Map<string, number>();
    for (const u of usage) poolMinutes.set(u.computePoolId, (poolMinutes.get(u.computePoolId) ?? 0) + u.cfuMinutes);
    const pools = this.#sortedPools().map((p): PoolMetrics => ({
      id: p.id, environmentId: p.environmentId, displayName: p.displayName, currentCfu: this.currentCfu(p.id), maxCfu: p.maxCfu,
      cfuMinutes: poolMinutes.get(p.id) ?? 0, waiting: this.#waiters(p).length,
    }));
    return { at: now, statements, pools };
  }

  /** CFU usage per pool with its statements' CFU-minutes (`streamform pool usage`). */
  usage(): PoolUsage[] {
    const usage = this.#meter.usage();
    return this.#sortedPools().map((p) => {
      const statements = usage.filter((u) => u.computePoolId === p.id);
      return {
        id: p.id, environmentId: p.environmentId, displayName: p.displayName, currentCfu: this.currentCfu(p.id), maxCfu: p.maxCfu,
        cfuMinutes: statements.reduce((s, u) => s + u.cfuMinutes, 0), statements,
      };
    });
  }

  /** Stops the sampling timer. */
  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#unsubscribe();
  }

  #statementMetrics(rec: StatementRecord, run: RunEntry | undefined, final: FinalGauges | undefined, at: { now: number; cfuMinutes: number }): StatementMetrics {
    const gauges: FinalGauges = run !== undefined ? this.#gauges(run) : final ?? { pendingRecords: 0, recordsIn: 0, recordsOut: 0, inputWatermark: null, outputWatermark: null };
    const wm = gauges.outputWatermark ?? gauges.inputWatermark;
    return {
      environmentId: rec.environmentId, name: rec.name, computePoolId: rec.spec.computePoolId, phase: rec.status.phase, scalingState: rec.status.scalingState,
      cfus: run?.cfus ?? 0, ...gauges,
      parallelism: run?.parallelism.parallelism ?? 0, maxParallelism: run?.parallelism.maxParallelism ?? 0,
      subtaskThreads: run?.parallelism.subtaskThreads ?? 0,
      ...(run?.parallelism.limitReason === undefined ? {} : { parallelismLimitReason: run.parallelism.limitReason }),
      recordsInPerSecond: run === undefined ? 0 : rate(run.samples, at.now, run.probe.recordsIn, (s) => s.recordsIn),
      recordsOutPerSecond: run === undefined ? 0 : rate(run.samples, at.now, run.probe.recordsOut, (s) => s.recordsOut),
      watermarkLagMs: wm === null ? null : Math.max(0, at.now - wm),
      stateSizeBytes: this.#stateSize.get(rec.uid)?.n ?? 0,
      restarts: this.#meter.restarts(rec.uid),
      cfuMinutes: at.cfuMinutes,
    };
  }

  #gauges(e: RunEntry): FinalGauges {
    return {
      pendingRecords: e.probe.pendingRecords(this.#d.topics), recordsIn: e.probe.recordsIn, recordsOut: e.probe.recordsOut,
      inputWatermark: e.probe.inputWatermark, outputWatermark: e.probe.outputWatermark,
    };
  }

  #forgetFinal(ref: StatementRef): void {
    this.#finished.delete(keyOf(ref));
    this.#finals.delete(ref);
  }

  /** The pool's waiting statements, first in line first (see the file header). */
  #waiters(pool: PoolInfo): StatementRecord[] {
    return this.#d.statements.list(pool.environmentId, { computePoolId: pool.id })
      .filter((s) => s.status.phase === 'PENDING' && s.status.scalingState === 'POOL_EXHAUSTED' && !s.spec.stopped && !this.#running.has(keyOf(s)))
      .map((s, seq) => ({ s, seq }))
      .sort((a, b) => cmp(a.s.status.scalingUpdatedAt, b.s.status.scalingUpdatedAt) || a.seq - b.seq)
      .map((x) => x.s);
  }

  #sortedPools(): PoolInfo[] {
    return [...this.#d.computePools()].sort((a, b) => cmp(a.environmentId, b.environmentId) || cmp(a.id, b.id));
  }

  #nowIso(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}

function keyOf(ref: { readonly environmentId: string; readonly name: string }): string {
  return `${ref.environmentId}/${ref.name}`;
}

function refOf(s: StatementRecord): StatementRef {
  return { environmentId: s.environmentId, name: s.name };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records per second between the oldest sample in the window and `current` now. */
function rate(samples: readonly Sample[], now: number, current: number, pick: (s: Sample) => number): number {
  const first = samples[0];
  if (first === undefined || now <= first.at) return 0;
  return ((current - pick(first)) * 1000) / (now - first.at);
}
