/**
 * Renders a metrics snapshot in the Prometheus text exposition format (version 0.0.4). Confluent's
 * Metrics API names (`io.confluent.flink/pending_records`, confluent-flink.md §8) map to
 * Prometheus style: prefix `confluent_flink_`, `/` → `_`, counters end in `_total`. Series that
 * Confluent does not have are marked "local" in their HELP text. Labels: `environment`,
 * `compute_pool`, `statement` (Confluent's `resource.compute_pool.id`, `resource.flink_statement.name`).
 */
import type { MetricsSnapshot, PoolMetrics, StatementMetrics } from '../flink/index.js';

/** `Content-Type` of the text format. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface Family<T> {
  readonly name: string;
  readonly type: 'gauge' | 'counter';
  readonly help: string;
  /** undefined: no sample for this item (e.g. no watermark yet). */
  readonly value: (item: T) => number | null | undefined;
}

const STATEMENT_FAMILIES: readonly Family<StatementMetrics>[] = [
  { name: 'confluent_flink_pending_records', type: 'gauge', help: 'Messages behind: records in the source partitions not read yet (io.confluent.flink/pending_records).', value: (s) => s.pendingRecords },
  { name: 'confluent_flink_num_records_in_total', type: 'counter', help: 'Source records read since the job started in this process (io.confluent.flink/num_records_in).', value: (s) => s.recordsIn },
  { name: 'confluent_flink_num_records_out_total', type: 'counter', help: 'Records written by the sinks since the job started in this process (io.confluent.flink/num_records_out).', value: (s) => s.recordsOut },
  { name: 'confluent_flink_current_input_watermark_milliseconds', type: 'gauge', help: 'Min source watermark, epoch ms (io.confluent.flink/current_input_watermark_milliseconds).', value: (s) => s.inputWatermark },
  { name: 'confluent_flink_current_output_watermark_milliseconds', type: 'gauge', help: 'Min sink watermark, epoch ms (io.confluent.flink/current_output_watermark_milliseconds).', value: (s) => s.outputWatermark },
  { name: 'confluent_flink_watermark_lag_milliseconds', type: 'gauge', help: 'Local: now minus the output watermark.', value: (s) => s.watermarkLagMs },
  { name: 'confluent_flink_operator_state_size_bytes', type: 'gauge', help: 'Operator state in the newest checkpoint, bytes (io.confluent.flink/operator/state_size_bytes).', value: (s) => s.stateSizeBytes },
  { name: 'confluent_flink_statement_utilization_current_cfus', type: 'gauge', help: 'CFUs the statement uses (io.confluent.flink/statement_utilization/current_cfus).', value: (s) => s.cfus },
  { name: 'confluent_flink_statement_parallelism', type: 'gauge', help: 'Local: parallel subtasks of the running job (Autopilot).', value: (s) => s.parallelism },
  { name: 'confluent_flink_statement_max_parallelism', type: 'gauge', help: 'Local: the most Autopilot may scale the job to (min partition count over its sources; 1 when it cannot scale).', value: (s) => s.maxParallelism },
  { name: 'confluent_flink_statement_subtask_threads', type: 'gauge', help: 'Local: worker threads running the job (0: on the main thread).', value: (s) => s.subtaskThreads },
  { name: 'confluent_flink_num_restarts_total', type: 'counter', help: 'Local: job restarts that recovered from a checkpoint.', value: (s) => s.restarts },
  { name: 'confluent_flink_statement_cfu_minutes_consumed', type: 'counter', help: 'Local: CFU-minutes billed for the statement (at least 1 per run).', value: (s) => s.cfuMinutes },
];

const POOL_FAMILIES: readonly Family<PoolMetrics>[] = [
  { name: 'confluent_flink_compute_pool_utilization_current_cfus', type: 'gauge', help: 'CFUs in use in the pool (io.confluent.flink/compute_pool_utilization/current_cfus).', value: (p) => p.currentCfu },
  { name: 'confluent_flink_compute_pool_utilization_cfu_limit', type: 'gauge', help: 'The pool max_cfu (io.confluent.flink/compute_pool_utilization/cfu_limit).', value: (p) => p.maxCfu },
  { name: 'confluent_flink_compute_pool_utilization_cfu_minutes_consumed', type: 'counter', help: 'CFU-minutes billed in the pool (io.confluent.flink/compute_pool_utilization/cfu_minutes_consumed).', value: (p) => p.cfuMinutes },
  { name: 'confluent_flink_compute_pool_pending_statements', type: 'gauge', help: 'Local: statements waiting because the pool is exhausted.', value: (p) => p.waiting },
];

/** The snapshot as Prometheus text. */
export function renderPrometheus(snap: MetricsSnapshot): string {
  const out: string[] = [];
  const statementLabels = (s: StatementMetrics): string => labels({ environment: s.environmentId, compute_pool: s.computePoolId, statement: s.name });
  for (const f of STATEMENT_FAMILIES) family(out, f, snap.statements, statementLabels);
  out.push('# HELP confluent_flink_statement_status Statement phase: 1 for the current phase (io.confluent.flink/statement_status; encoding local).');
  out.push('# TYPE confluent_flink_statement_status gauge');
  for (const s of snap.statements) {
    out.push(`confluent_flink_statement_status${labels({ environment: s.environmentId, compute_pool: s.computePoolId, statement: s.name, phase: s.phase })} 1`);
  }
  for (const f of POOL_FAMILIES) family(out, f, snap.pools, (p) => labels({ environment: p.environmentId, compute_pool: p.id }));
  return out.join('\n') + '\n';
}

function family<T>(out: string[], f: Family<T>, items: readonly T[], labelsOf: (item: T) => string): void {
  out.push(`# HELP ${f.name} ${f.help}`);
  out.push(`# TYPE ${f.name} ${f.type}`);
  for (const item of items) {
    const v = f.value(item);
    if (v === null || v === undefined) continue;
    out.push(`${f.name}${labelsOf(item)} ${formatNumber(v)}`);
  }
}

function labels(l: Readonly<Record<string, string>>): string {
  return '{' + Object.entries(l).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',') + '}';
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}
