/**
 * The CFU model (confluent-flink.md §6). Confluent does not publish the parallelism → CFU mapping;
 * the reference suggests CFU = max(1, ceil(parallelism × k)) with k = 1 here. Autopilot starts a
 * statement at parallelism 1 (or where its checkpoints were written) and rescales it on its backlog
 * (executor/autopilot-driver.ts); its CFUs follow (FlinkOperations.resize), capped by the pool.
 */

/** CFUs per unit of parallelism. */
export const CFU_PER_PARALLELISM = 1;

/** CFUs of a job running at `parallelism`. */
export function cfuFor(parallelism: number): number {
  return Math.max(1, Math.ceil(parallelism * CFU_PER_PARALLELISM));
}

/** The parallelism a new job starts at. */
export function initialParallelism(_sqlKind: string): number {
  return 1;
}

/** Confluent bills at least one CFU-minute per statement run (§6). */
export function billedCfuMinutes(cfuMillis: number): number {
  return Math.max(1, cfuMillis / 60_000);
}

/** `status.detail` of a statement waiting for an exhausted pool (Confluent's exact text is unconfirmed). */
export function exhaustedDetail(poolId: string, inUse: number, maxCfu: number): string {
  return `Statement is pending: compute pool ${poolId} is exhausted (${inUse} of ${maxCfu} CFUs in use).`;
}
