/**
 * Boundary types of flink operations: what a running statement reports (metrics), what a pool
 * reports (capacity) and what was billed (CFU-minutes). Plain data; the metrics routes render it.
 */

/** One statement's operational metrics (confluent-flink.md §8). */
export interface StatementMetrics {
  readonly environmentId: string;
  readonly name: string;
  /** Compute pool id ('' when the statement has none). */
  readonly computePoolId: string;
  readonly phase: string;
  readonly scalingState: string;
  /** CFUs in use now (0 unless a job runs). */
  readonly cfus: number;
  /** Messages behind: Σ over source partitions of (high watermark or bounded end) − read position. */
  readonly pendingRecords: number;
  /** Source records read since the job (re)started in this process. */
  readonly recordsIn: number;
  /** Records written by the job's sinks since it (re)started in this process. */
  readonly recordsOut: number;
  /** Moving rate over the last sampling window, records per second. */
  readonly recordsInPerSecond: number;
  readonly recordsOutPerSecond: number;
  /** Min watermark over the sources, epoch millis; null before the first. */
  readonly inputWatermark: number | null;
  /** Min watermark reaching the sinks, epoch millis; null before the first. */
  readonly outputWatermark: number | null;
  /** now − output watermark (input watermark when no output one), millis; null without watermark. */
  readonly watermarkLagMs: number | null;
  /** Bytes of operator state in the newest checkpoint. */
  readonly stateSizeBytes: number;
  /** Job restarts that recovered from a checkpoint (not user resumes). */
  readonly restarts: number;
  /** CFU-minutes billed so far for this statement. */
  readonly cfuMinutes: number;
  /** Parallel subtasks of the running job (0 when no job runs). */
  readonly parallelism: number;
  /** The most Autopilot may scale the job to (0 when no job runs). */
  readonly maxParallelism: number;
  /** Worker threads running its subtasks (0: the job runs on the cloud's main thread). */
  readonly subtaskThreads: number;
  /** Why the job cannot scale beyond 1, when it cannot. */
  readonly parallelismLimitReason?: string;
}

/** A running job's parallelism as Autopilot set it. */
export interface ParallelismInfo {
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly subtaskThreads: number;
  readonly limitReason?: string;
}

/** One compute pool's utilisation. */
export interface PoolMetrics {
  readonly id: string;
  readonly environmentId: string;
  readonly displayName: string;
  readonly currentCfu: number;
  readonly maxCfu: number;
  readonly cfuMinutes: number;
  /** Statements waiting in PENDING because the pool is exhausted. */
  readonly waiting: number;
}

/** Everything `/metrics` and `streamform top` show, taken at one instant. */
export interface MetricsSnapshot {
  /** Epoch millis (injected clock). */
  readonly at: number;
  /** Sorted by pending records (descending), then environment and name. */
  readonly statements: readonly StatementMetrics[];
  /** Sorted by environment and id. */
  readonly pools: readonly PoolMetrics[];
}

/** CFU-minutes of one statement (summed over its runs). */
export interface StatementUsage {
  readonly environmentId: string;
  readonly name: string;
  readonly computePoolId: string;
  readonly runs: number;
  readonly cfuMinutes: number;
}

/** CFU usage of one pool: now, the limit, billed so far, and per statement. */
export interface PoolUsage {
  readonly id: string;
  readonly environmentId: string;
  readonly displayName: string;
  readonly currentCfu: number;
  readonly maxCfu: number;
  readonly cfuMinutes: number;
  readonly statements: readonly StatementUsage[];
}

/** A compute pool as operations needs it. */
export interface PoolInfo {
  readonly id: string;
  readonly environmentId: string;
  readonly displayName: string;
  readonly maxCfu: number;
}

/** A statement's address. */
export interface StatementRef {
  readonly environmentId: string;
  readonly name: string;
}

/** The answer to "may this statement run now?". */
export type Admission =
  /** `wake`: waiters of the pool that may fit now too (the executor re-examines them). */
  | { readonly kind: 'granted'; readonly cfus: number; readonly wake: readonly StatementRef[] }
  | { readonly kind: 'exhausted'; readonly poolId: string; readonly inUse: number; readonly maxCfu: number };
