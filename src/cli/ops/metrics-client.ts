/**
 * Reads the local cloud's metrics routes (`/metrics/v1/flink`, `/metrics/v1/flink/cfu-usage`) and
 * narrows their JSON into typed rows. Unknown or missing fields read as zero / empty, so an older
 * cloud gives a sparse table instead of a crash.
 */
import type { CloudClient } from '../inside/index.js';
import type { TopPool, TopSnapshot, TopStatement, UsagePool } from './types.js';

/** Metrics filters. */
export interface MetricsFilter {
  readonly environment?: string;
  readonly computePool?: string;
}

/** `GET /metrics/v1/flink`: the raw body and its parsed rows. */
export async function fetchSnapshot(client: CloudClient, f: MetricsFilter): Promise<{ readonly raw: unknown; readonly snapshot: TopSnapshot }> {
  const raw = await client.ok('GET', '/metrics/v1/flink', { query: query(f) });
  const o = obj(raw);
  const statements = arr(o['statements']).map((x): TopStatement => {
    const s = obj(x);
    return {
      name: str(s['name']), environment: str(s['environment']), computePool: str(s['compute_pool']), phase: str(s['phase']), scalingState: str(s['scaling_state']),
      cfus: num(s['current_cfus']), pendingRecords: num(s['pending_records']), recordsInPerSecond: num(s['records_in_per_second']),
      recordsOutPerSecond: num(s['records_out_per_second']), watermarkLagMs: typeof s['watermark_lag_milliseconds'] === 'number' ? s['watermark_lag_milliseconds'] : null,
      stateSizeBytes: num(s['state_size_bytes']), restarts: num(s['restarts']), parallelism: num(s['parallelism']), maxParallelism: num(s['max_parallelism']),
    };
  });
  const pools = arr(o['compute_pools']).map((x): TopPool => {
    const p = obj(x);
    return {
      id: str(p['id']), environment: str(p['environment']), displayName: str(p['display_name']), currentCfu: num(p['current_cfu']),
      cfuLimit: num(p['cfu_limit']), cfuMinutes: num(p['cfu_minutes_consumed']), pendingStatements: num(p['pending_statements']),
    };
  });
  return { raw, snapshot: { at: str(o['at']), statements, pools } };
}

/** `GET /metrics/v1/flink/cfu-usage`: the raw body and its parsed pools. */
export async function fetchUsage(client: CloudClient, f: MetricsFilter): Promise<{ readonly raw: unknown; readonly pools: readonly UsagePool[] }> {
  const raw = await client.ok('GET', '/metrics/v1/flink/cfu-usage', { query: query(f) });
  const pools = arr(obj(raw)['compute_pools']).map((x): UsagePool => {
    const p = obj(x);
    return {
      id: str(p['id']), environment: str(p['environment']), displayName: str(p['display_name']), currentCfu: num(p['current_cfu']),
      maxCfu: num(p['max_cfu']), cfuMinutes: num(p['cfu_minutes']),
      statements: arr(p['statements']).map((y) => { const s = obj(y); return { name: str(s['name']), runs: num(s['runs']), cfuMinutes: num(s['cfu_minutes']) }; }),
    };
  });
  return { raw, pools };
}

function query(f: MetricsFilter): { [k: string]: string | undefined } {
  return { environment: f.environment, compute_pool: f.computePool };
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
