/**
 * Starts a planned statement's job at a parallelism: 1 runs a TaskRunner on the cloud's event loop
 * (cooperative slices); p > 1 runs a ParallelJob, p subtasks on worker threads, each reading its
 * share of the source partitions. Either way the statement's checkpoints are first laid out for
 * that parallelism (redistribute), so a restore at another parallelism continues exactly where
 * the previous run stopped.
 */
import type { Clock, Outcome } from '../../../shared/index.js';
import { TaskRunner } from '../runtime/index.js';
import type { FailureClass, ResultChange, RunnerPhase } from '../runtime/index.js';
import type { PhysicalPlan } from '../planner/index.js';
import type { StatementRecord } from '../statements/index.js';
import type { ExecutorCloud } from './types.js';
import { buildJob } from './job-builder.js';
import { JobProbe, scanLocations } from './operations/index.js';
import type { JobGauges } from './operations/index.js';
import { ParallelJob } from './parallel/parallel-job.js';
import { checkpointLayout, redistribute } from './parallel/redistribute.js';
import { parallelismLimit } from './parallel/parallelism.js';
import type { KeyedNode, ParallelismLimit } from './parallel/parallelism.js';
import { commitGlobalCheckpoint } from './parallel/global-commit.js';
import { CheckpointStore } from '../runtime/index.js';

/** A started job, whatever its parallelism. */
export interface RunningJob {
  readonly parallelism: number;
  readonly gauges: JobGauges;
  /** The gauges are meaningful (a parallel job's subtasks have all started and reported). */
  ready(): boolean;
  /** Worker threads running it (empty at parallelism 1). */
  threadIds(): readonly number[];
  /** Mean event-loop utilisation of its worker threads (0..1; undefined at parallelism 1). */
  utilization(): number | undefined;
  /** Resolves with the final phase. */
  run(): Promise<RunnerPhase>;
  /** Stops it with a savepoint (at the next slice boundary). */
  stop(): void;
  /** Its sources' next offsets (`status.latest_offsets` form); undefined for a parallel job. */
  latestOffsets(): { [topic: string]: string } | undefined;
  /** True while a cut-over evolution suppresses its output (cut-over jobs run at parallelism 1). */
  suppressingOutput(): boolean;
  /** Fault injection: kills subtask `index`'s worker thread as a crash would (false at parallelism 1). */
  terminateSubtask(index: number): boolean;
}

/** How the job talks back. */
export interface JobEvents {
  readonly onPhase: (phase: RunnerPhase, detail: string, failure: { readonly error: unknown; readonly class: FailureClass } | undefined) => void;
  readonly onCheckpoint: (id: number, kind: 'checkpoint' | 'savepoint') => void;
  readonly deliverResults: (changes: readonly ResultChange[]) => void;
}

/** What starting a job needs. */
export interface JobStart {
  readonly cloud: ExecutorCloud;
  readonly rec: StatementRecord;
  /** The properties it was planned with (the spec's, plus carried-over start offsets). */
  readonly properties: { readonly [key: string]: string };
  readonly plan: PhysicalPlan;
  readonly timeZone: string;
  readonly parallelism: number;
  /** Keyed nodes that run per key group (chooseParallelism), at any parallelism. */
  readonly keyGroups: ReadonlyMap<string, KeyedNode> | undefined;
  readonly clock: Clock;
  readonly checkpointIntervalMs: number;
  readonly idlePollMs: number | undefined;
}

/**
 * The parallelism a job starts at: what Autopilot asked for (`requested`), else what the
 * statement's checkpoints were written at (a restarted cloud keeps it), within what the pipeline
 * allows (parallel/parallelism.ts). And whether its keyed nodes run per key group: decided by the
 * first run (when it may scale at all) and kept by its checkpoints, whose state layout depends on it.
 */
export function chooseParallelism(cloud: ExecutorCloud, uid: string, plan: PhysicalPlan, o: { readonly autopilot: boolean; readonly requested: number | undefined; readonly fixed?: number | undefined }): {
  readonly limit: ParallelismLimit; readonly parallelism: number; readonly keyGroups: ReadonlyMap<string, KeyedNode> | undefined;
} {
  const store = new CheckpointStore(cloud.database);
  const planned = cloud.database.memory ? undefined : parallelismLimit(plan, cloud.topics);
  const written = checkpointLayout(store, uid); // one read: checkpoints can be large
  const layout = planned?.keyed === undefined ? undefined : written.keyGrouped;
  const keyGroups = planned?.keyed !== undefined && (layout ?? (o.autopilot && planned.max > 1)) ? planned.keyed : undefined;
  const limit: ParallelismLimit = !o.autopilot ? { max: 1, reason: 'Autopilot is off.' }
    : planned === undefined ? { max: 1, reason: 'An in-memory cloud database cannot be shared with worker threads.' }
    : planned.keyed !== undefined && keyGroups === undefined && planned.max > 1
      ? { max: 1, reason: 'This statement\'s state was checkpointed before it could be split by key group: it stays at parallelism 1 (a restart from the earliest offset lets Autopilot scale it).' }
      : planned;
  const wanted = o.requested ?? o.fixed ?? written.parallelism;
  return { limit, parallelism: Math.max(1, Math.min(limit.max, wanted)), keyGroups };
}

/** How often subtasks report their gauges (ms). */
const SUBTASK_REPORT_MS = 200;

/** Lays out the checkpoints and starts the job (a TaskRunner restores synchronously here). */
export function startJob(s: JobStart, events: JobEvents): Outcome<RunningJob> {
  const db = s.cloud.database;
  redistribute(db, s.rec.uid, s.parallelism);
  if (s.parallelism > 1) {
    const keyed = s.keyGroups !== undefined;
    const job: ParallelJob = new ParallelJob({
      dbFile: db.name, uid: s.rec.uid, statement: s.rec.spec.statement, properties: s.properties, parallelism: s.parallelism,
      checkpointIntervalMs: s.checkpointIntervalMs, ...(s.idlePollMs === undefined ? {} : { idlePollMs: s.idlePollMs }), reportMs: SUBTASK_REPORT_MS,
    }, {
      onPhase: (phase, detail) => events.onPhase(phase, detail, phase === 'FAILING' || phase === 'FAILED' ? job.failure : undefined),
      onCheckpoint: events.onCheckpoint,
      ...(keyed ? { commit: (parts) => commitGlobalCheckpoint(db, s.cloud.topics, s.rec.uid, parts, s.clock.now()) } : {}),
    });
    return { value: { parallelism: s.parallelism, gauges: job, ready: () => job.ready, threadIds: () => job.threadIds, utilization: () => job.utilization, run: () => job.run(), stop: () => job.stop(), latestOffsets: () => undefined, suppressingOutput: () => false, terminateSubtask: (i) => job.terminateSubtask(i) }, diagnostics: [] };
  }
  const built = buildJob(s.plan, {
    topics: s.cloud.topics, schemaRegistry: s.cloud.schemaRegistry, clock: s.clock, timeZone: s.timeZone, deliverResults: events.deliverResults,
    ...(s.keyGroups === undefined ? {} : { keyGroups: s.keyGroups }),
  });
  if (built.value === undefined) return { diagnostics: built.diagnostics };
  const probed = JobProbe.instrument(built.value, scanLocations(s.plan));
  const runner: TaskRunner = new TaskRunner(probed.graph, {
    statement: s.rec.uid, db, clock: s.clock,
    checkpoints: { everyMs: s.checkpointIntervalMs },
    ...(s.idlePollMs === undefined ? {} : { idlePollMs: s.idlePollMs }),
    onPhase: (phase, detail) => events.onPhase(phase, detail, phase === 'FAILING' || phase === 'FAILED' ? runner.failure : undefined),
    onCheckpoint: events.onCheckpoint,
  });
  runner.restore();
  return { value: { parallelism: 1, gauges: probed.probe, ready: () => true, threadIds: () => [], utilization: () => undefined, run: () => runner.run(), stop: () => runner.stop({ whileRunning: true }),
    latestOffsets: () => runner.latestOffsets(), suppressingOutput: () => runner.suppressingOutput, terminateSubtask: () => false }, diagnostics: [] };
}
