/** What `streamform top` and `streamform pool usage` read from the cloud's metrics routes. */

/** One statement row of `GET /metrics/v1/flink`. */
export interface TopStatement {
  readonly name: string;
  readonly environment: string;
  readonly computePool: string;
  readonly phase: string;
  readonly scalingState: string;
  readonly cfus: number;
  readonly pendingRecords: number;
  readonly recordsInPerSecond: number;
  readonly recordsOutPerSecond: number;
  readonly watermarkLagMs: number | null;
  readonly stateSizeBytes: number;
  readonly restarts: number;
  /** Parallel subtasks of the running job and the most Autopilot may scale it to (0 when none runs). */
  readonly parallelism: number;
  readonly maxParallelism: number;
}

/** One pool row of `GET /metrics/v1/flink`. */
export interface TopPool {
  readonly id: string;
  readonly environment: string;
  readonly displayName: string;
  readonly currentCfu: number;
  readonly cfuLimit: number;
  readonly cfuMinutes: number;
  readonly pendingStatements: number;
}

/** A parsed metrics snapshot. */
export interface TopSnapshot {
  readonly at: string;
  readonly statements: readonly TopStatement[];
  readonly pools: readonly TopPool[];
}

/** One pool of `GET /metrics/v1/flink/cfu-usage`. */
export interface UsagePool {
  readonly id: string;
  readonly environment: string;
  readonly displayName: string;
  readonly currentCfu: number;
  readonly maxCfu: number;
  readonly cfuMinutes: number;
  readonly statements: readonly { readonly name: string; readonly runs: number; readonly cfuMinutes: number }[];
}
