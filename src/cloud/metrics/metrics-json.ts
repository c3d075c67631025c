/** The JSON shapes of the local metrics routes (snake_case like Confluent's REST bodies). */
import type { MetricsSnapshot, PoolUsage, StatementMetrics } from '../flink/index.js';

/** `GET /metrics/v1/flink`: one snapshot of every statement and pool. */
export function snapshotJson(snap: MetricsSnapshot): Record<string, unknown> {
  return {
    api_version: 'metrics/v1', kind: 'FlinkMetrics', at: new Date(snap.at).toISOString(),
    statements: snap.statements.map(statementJson),
    compute_pools: snap.pools.map((p) => ({
      id: p.id, environment: p.environmentId, display_name: p.displayName, current_cfu: p.currentCfu, cfu_limit: p.maxCfu,
      cfu_minutes_consumed: round(p.cfuMinutes), pending_statements: p.waiting,
    })),
  };
}

function statementJson(s: StatementMetrics): Record<string, unknown> {
  return {
    name: s.name, environment: s.environmentId, compute_pool: s.computePoolId, phase: s.phase, scaling_state: s.scalingState,
    current_cfus: s.cfus, pending_records: s.pendingRecords, num_records_in: s.recordsIn, num_records_out: s.recordsOut,
    records_in_per_second: round(s.recordsInPerSecond), records_out_per_second: round(s.recordsOutPerSecond),
    current_input_watermark_milliseconds: s.inputWatermark, current_output_watermark_milliseconds: s.outputWatermark,
    watermark_lag_milliseconds: s.watermarkLagMs, state_size_bytes: s.stateSizeBytes, restarts: s.restarts, cfu_minutes_consumed: round(s.cfuMinutes),
    parallelism: s.parallelism, max_parallelism: s.maxParallelism, subtask_threads: s.subtaskThreads,
    ...(s.parallelismLimitReason === undefined ? {} : { parallelism_limit_reason: s.parallelismLimitReason }),
  };
}

/** `GET /metrics/v1/flink/cfu-usage`: per pool current CFU / limit, CFU-minutes, and per statement CFU-minutes. */
export function usageJson(pools: readonly PoolUsage[]): Record<string, unknown> {
  return {
    api_version: 'metrics/v1', kind: 'CfuUsage',
    compute_pools: pools.map((p) => ({
      id: p.id, environment: p.environmentId, display_name: p.displayName, current_cfu: p.currentCfu, max_cfu: p.maxCfu,
      cfu_minutes: round(p.cfuMinutes),
      statements: p.statements.map((s) => ({ name: s.name, environment: s.environmentId, runs: s.runs, cfu_minutes: round(s.cfuMinutes) })),
    })),
  };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
