/** Boundary types of the statement executor. */
import type Database from 'better-sqlite3';
import type { Clock, IdSource } from '../../../shared/index.js';
import type { TopicLogStore } from '../../kafka/index.js';
import type { SchemaRegistryStore } from '../../schema-registry/index.js';
import type { CatalogControlPlane } from '../catalog/index.js';
import type { StatementStore } from '../statements/index.js';
import type { RestartPolicy } from './restart-policy.js';
import type { AutopilotOptions } from './parallel/autopilot.js';

/** The parts of a running local cloud the executor drives (RunningCloud satisfies it). */
export interface ExecutorCloud {
  readonly statements: StatementStore;
  readonly topics: TopicLogStore;
  readonly schemaRegistry: SchemaRegistryStore;
  readonly controlPlane: CatalogControlPlane;
  /** The shared `cloud.db`: checkpoints, topic appends and result pages commit in one transaction. */
  readonly database: Database.Database;
}

/** Tuning and injection. */
export interface ExecutorOptions {
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** Checkpoint interval of running jobs (default 1000 ms): output becomes visible at checkpoints. */
  readonly checkpointIntervalMs?: number;
  /** Wait between slices when a job's sources had no data (default 50 ms). */
  readonly idlePollMs?: number;
  /** Restarts after recoverable failures: backoff and when the statement shows DEGRADED (§11). */
  readonly restart?: RestartPolicy;
  /** How often (wall time) running foreground statements are checked for the 5-minute idle rule (default 10 000 ms). */
  readonly idleCheckMs?: number;
  /** Autopilot thresholds and cadence (an internal cloud option; tests use small values). */
  readonly autopilot?: AutopilotOptions;
}

/** A running job's parallelism (Autopilot). */
export interface JobParallelism {
  readonly parallelism: number;
  readonly maxParallelism: number;
  /** Why it cannot scale beyond 1, when it cannot. */
  readonly limitReason?: string;
  /** `threadId`s of the worker threads running its subtasks (empty at parallelism 1). */
  readonly threadIds: readonly number[];
  /** Mean event-loop utilisation (0..1) of those threads since they started, as last reported. */
  readonly utilization?: number;
}

/** A started executor. */
export interface Executor {
  /** Statements with a job running in this process, as `env-id/statement-name`. */
  readonly running: readonly string[];
  /** A running statement's next source offsets (`status.latest_offsets` form); undefined when not running. */
  sourceOffsets(environmentId: string, name: string): { [topic: string]: string } | undefined;
  /** The parallelism of a statement's running job (undefined when none runs). */
  parallelism(environmentId: string, name: string): JobParallelism | undefined;
  /** Fault injection (ops drills, tests): kills one parallel subtask's worker thread (false when there is none). */
  terminateSubtask(environmentId: string, name: string, index: number): boolean;
  /**
   * Detaches from the store: running jobs take a final checkpoint and halt without changing their
   * statements' phase, so a restarted cloud resumes them. Resolves when every job has halted.
   */
  close(): Promise<void>;
}
