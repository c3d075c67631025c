/**
 * The metrics routes (local extensions; Confluent's own Metrics API is a query service at
 * api.telemetry.confluent.cloud):
 * - `GET /metrics`: Prometheus text of every statement and compute pool.
 * - `GET /metrics/v1/flink[?environment=&compute_pool=]`: the same snapshot as JSON.
 * - `GET /metrics/v1/flink/cfu-usage[?environment=&compute_pool=]`: CFU usage per pool and statement.
 * With auth on they need an API key whose principal may Describe the organization (MetricsViewer,
 * Operator or OrganizationAdmin), as Confluent's Metrics API does; a Prometheus scraper sends it
 * as HTTP Basic.
 */
import type { HttpRequest, Route } from '../http/index.js';
import { orgCrn } from '../control-plane/index.js';
import type { FlinkOperations } from '../flink/index.js';
import { snapshotJson, usageJson } from './metrics-json.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './prometheus-text.js';

/** What the metrics routes read. */
export interface MetricsRoutesContext {
  readonly operations: FlinkOperations;
  readonly orgId: string;
}

/** The JSON snapshot path. */
export const FLINK_METRICS_PATH = '/metrics/v1/flink';
/** The CFU usage path. */
export const CFU_USAGE_PATH = '/metrics/v1/flink/cfu-usage';

/** Routes of the metrics family. */
export function metricsRoutes(ctx: MetricsRoutesContext): Route[] {
  const authz = { crn: (): string => orgCrn(ctx.orgId), operation: 'Describe' };
  return [
    {
      method: 'GET', pattern: '/metrics', envelope: 'confluent', authz,
      handler: () => ({ status: 200, raw: renderPrometheus(ctx.operations.snapshot()), headers: { 'content-type': PROMETHEUS_CONTENT_TYPE } }),
    },
    {
      method: 'GET', pattern: FLINK_METRICS_PATH, envelope: 'confluent', authz,
      handler: (req) => {
        const snap = ctx.operations.snapshot();
        const f = filterOf(req);
        return {
          status: 200,
          body: snapshotJson({
            at: snap.at,
            statements: snap.statements.filter((s) => f(s.environmentId, s.computePoolId)),
            pools: snap.pools.filter((p) => f(p.environmentId, p.id)),
          }),
        };
      },
    },
    {
      method: 'GET', pattern: CFU_USAGE_PATH, envelope: 'confluent', authz,
      handler: (req) => {
        const f = filterOf(req);
        return { status: 200, body: usageJson(ctx.operations.usage().filter((p) => f(p.environmentId, p.id))) };
      },
    },
  ];
}

function filterOf(req: HttpRequest): (envId: string, poolId: string) => boolean {
  const env = req.query.get('environment') ?? '';
  const pool = req.query.get('compute_pool') ?? '';
  return (envId, poolId) => (env === '' || env === envId) && (pool === '' || pool === poolId);
}
