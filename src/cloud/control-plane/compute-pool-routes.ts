/** `fcpm/v2/compute-pools` and `fcpm/v2/compute-pool-config`. */
import type { HttpRequest, Route } from '../http/index.js';
import type { JsonObject } from '../http/index.js';
import { ApiError, optionalBool, optionalChild, optionalInt, optionalString, paginate, requireChild, requireEnum, requireObject, requireQuery, requireString } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso, objectMetadata } from './control-plane-context.js';
import { computePoolCrn, environmentCrn, flinkRegionId, orgCrn } from './crn.js';
import { requireEnvironment } from './environment-routes.js';
import { freshId } from './ids.js';
import { bodyEnvId } from './kafka-cluster-routes.js';
import { findRegion } from './region-catalog.js';
import type { CloudProvider, ComputePoolConfigRecord, ComputePoolRecord } from './types.js';

const BASE = '/fcpm/v2/compute-pools';
const CLOUDS: readonly CloudProvider[] = ['AWS', 'AZURE', 'GCP'];
/** Allowed `max_cfu` values. */
export const MAX_CFU_VALUES: readonly number[] = [5, 10, 20, 30, 40, 50];
const POOL_NAME = /^(?:[0-9A-Za-z-])[\w.-]{0,63}$/;

/** Renders a compute pool in the fcpm/v2 wire shape. */
export function renderComputePool(ctx: ControlPlaneContext, req: HttpRequest, p: ComputePoolRecord): Record<string, unknown> {
  return {
    api_version: 'fcpm/v2', kind: 'ComputePool', id: p.id,
    metadata: objectMetadata(req, `${BASE}/${p.id}`, computePoolCrn(ctx.orgId, p.environmentId, flinkRegionId(p.cloud, p.region), p.id), p),
    spec: {
      display_name: p.displayName, cloud: p.cloud, region: p.region, max_cfu: p.maxCfu, default_pool: p.defaultPool, enable_ai: false,
      environment: { id: p.environmentId, related: `${req.baseUrl}/org/v2/environments/${p.environmentId}`, resource_name: environmentCrn(ctx.orgId, p.environmentId) },
    },
    status: { phase: 'PROVISIONED', current_cfu: ctx.hooks.currentCfu?.(p.id) ?? 0 },
  };
}

/** The pool (checked to be in `envId` when given) or a 404. */
export function requireComputePool(ctx: ControlPlaneContext, id: string, envId?: string): ComputePoolRecord {
  const p = ctx.store.get('compute-pool', id);
  if (p === undefined || (envId !== undefined && p.environmentId !== envId)) throw notFound('Compute pool', id);
  return p;
}

function readMaxCfu(spec: JsonObject, required: boolean): number | undefined {
  const v = optionalInt(spec, '/spec/max_cfu');
  if (v === undefined) {
    if (required) throw new ApiError(400, 'invalid_input', `/spec/max_cfu is required (one of ${MAX_CFU_VALUES.join(', ')}).`, '/spec/max_cfu');
    return undefined;
  }
  if (!MAX_CFU_VALUES.includes(v)) throw new ApiError(400, 'invalid_input', `/spec/max_cfu ${v} is not one of ${MAX_CFU_VALUES.join(', ')}.`, '/spec/max_cfu');
  return v;
}

function clearOtherDefaults(ctx: ControlPlaneContext, keep: ComputePoolRecord): void {
  for (const other of ctx.store.list('compute-pool', keep.environmentId)) {
    if (other.id !== keep.id && other.defaultPool && other.cloud === keep.cloud && other.region === keep.region) {
      ctx.store.update('compute-pool', { ...other, defaultPool: false });
    }
  }
}

/** The routes of `fcpm/v2/compute-pools` and `fcpm/v2/compute-pool-config`. */
export function computePoolRoutes(ctx: ControlPlaneContext): Route[] {
  const envCrn = (req: HttpRequest): string => environmentCrn(ctx.orgId, req.query.get('environment') ?? '');
  const oneCrn = (req: HttpRequest): string => {
    const id = req.params['id'] ?? '';
    const p = ctx.store.get('compute-pool', id);
    if (p === undefined) return `${environmentCrn(ctx.orgId, req.query.get('environment') ?? bodyEnvId(req.body))}/compute-pool=${id}`;
    return computePoolCrn(ctx.orgId, p.environmentId, flinkRegionId(p.cloud, p.region), p.id);
  };
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(envCrn, 'Describe'),
      handler: (req) => {
        const env = requireEnvironment(ctx, requireQuery(req.query, 'environment'));
        const region = req.query.get('spec.region');
        const pools = ctx.store.list('compute-pool', env.id).filter((p) => (region === null || region === '' || p.region === region) && ctx.visible(req, computePoolCrn(ctx.orgId, env.id, flinkRegionId(p.cloud, p.region), p.id)));
        const page = paginate(pools, req.query);
        return { status: 200, body: listBody(req, 'fcpm/v2', 'ComputePool', { ...page, items: page.items.map((p) => renderComputePool(ctx, req, p)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent',
      authz: authz((req) => `${environmentCrn(ctx.orgId, bodyEnvId(req.body))}/compute-pool=*`, 'Manage'),
      handler: (req) => {
        const spec = requireChild(requireObject(req.body), '/spec');
        const displayName = requireString(spec, '/spec/display_name', { pattern: POOL_NAME });
        const cloud = requireEnum(spec, '/spec/cloud', CLOUDS);
        const region = requireString(spec, '/spec/region');
        if (findRegion(cloud, region) === undefined) throw new ApiError(400, 'invalid_input', `Flink is not available in ${cloud} region '${region}'; see GET /fcpm/v2/regions.`, '/spec/region');
        const maxCfu = readMaxCfu(spec, true) ?? 0;
        const defaultPool = optionalBool(spec, '/spec/default_pool') ?? false;
        const envId = requireString(requireChild(spec, '/spec/environment'), '/spec/environment/id');
        requireEnvironment(ctx, envId);
        const now = nowIso(ctx.clock);
        const rec: ComputePoolRecord = ctx.store.transaction(() => {
          const id = freshId(ctx.ids, 'lfcp', (x) => ctx.store.has('compute-pool', x));
          const p: ComputePoolRecord = { id, environmentId: envId, displayName, cloud, region, maxCfu, defaultPool, createdAt: now, updatedAt: now };
          ctx.store.insert('compute-pool', p, envId);
          if (defaultPool) clearOtherDefaults(ctx, p);
          return p;
        });
        return { status: 202, body: renderComputePool(ctx, req, rec) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderComputePool(ctx, req, requireComputePool(ctx, req.params['id'] ?? '', requireQuery(req.query, 'environment'))) }),
    },
    {
      method: 'PATCH', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Manage'),
      handler: (req) => {
        const spec = requireChild(requireObject(req.body), '/spec');
        const envId = requireString(requireChild(spec, '/spec/environment'), '/spec/environment/id');
        const p = requireComputePool(ctx, req.params['id'] ?? '', envId);
        for (const field of ['cloud', 'region'] as const) {
          const v = optionalString(spec, `/spec/${field}`);
          if (v !== undefined && v !== p[field]) throw new ApiError(400, 'invalid_input', `spec.${field} of a compute pool cannot be changed.`, `/spec/${field}`);
        }
        const maxCfu = readMaxCfu(spec, false) ?? p.maxCfu;
        if (maxCfu < p.maxCfu) {
          throw new ApiError(400, 'invalid_input', `Decreasing max_cfu (from ${p.maxCfu} to ${maxCfu}) is not supported; create a new compute pool instead.`, '/spec/max_cfu');
        }
        const displayName = optionalString(spec, '/spec/display_name', { pattern: POOL_NAME }) ?? p.displayName;
        const defaultPool = optionalBool(spec, '/spec/default_pool') ?? p.defaultPool;
        const next: ComputePoolRecord = { ...p, displayName, maxCfu, defaultPool, updatedAt: nowIso(ctx.clock) };
        ctx.store.transaction(() => {
          ctx.store.update('compute-pool', next);
          if (defaultPool) clearOtherDefaults(ctx, next);
        });
        if (maxCfu > p.maxCfu) ctx.hooks.onComputePoolResized?.(p.id);
        return { status: 200, body: renderComputePool(ctx, req, next) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Manage'),
      handler: (req) => {
        const p = requireComputePool(ctx, req.params['id'] ?? '', requireQuery(req.query, 'environment'));
        ctx.store.delete('compute-pool', p.id);
        ctx.hooks.onComputePoolDeleted?.(p.id, p.environmentId);
        return { status: 204 };
      },
    },
    ...computePoolConfigRoutes(ctx),
  ];
}

function readPoolConfig(ctx: ControlPlaneContext): ComputePoolConfigRecord {
  const stored = ctx.store.get('compute-pool-config', 'default');
  if (stored !== undefined) return stored;
  const created = ctx.store.getMeta('organization_created_at') ?? nowIso(ctx.clock);
  return { id: 'default', defaultPoolEnabled: true, defaultPoolMaxCfu: 50, createdAt: created, updatedAt: created };
}

function renderPoolConfig(ctx: ControlPlaneContext, req: HttpRequest, c: ComputePoolConfigRecord): Record<string, unknown> {
  return {
    api_version: 'fcpm/v2', kind: 'OrgComputePoolConfig',
    metadata: { self: `${req.baseUrl}/fcpm/v2/compute-pool-config`, resource_name: orgCrn(ctx.orgId), created_at: c.createdAt, updated_at: c.updatedAt },
    spec: { default_pool_enabled: c.defaultPoolEnabled, default_pool_max_cfu: c.defaultPoolMaxCfu },
  };
}

function computePoolConfigRoutes(ctx: ControlPlaneContext): Route[] {
  const crn = (): string => orgCrn(ctx.orgId);
  return [
    {
      method: 'GET', pattern: '/fcpm/v2/compute-pool-config', envelope: 'confluent', authz: authz(crn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderPoolConfig(ctx, req, readPoolConfig(ctx)) }),
    },
    {
      method: 'PATCH', pattern: '/fcpm/v2/compute-pool-config', envelope: 'confluent', authz: authz(crn, 'Manage'),
      handler: (req) => {
        const body = requireObject(req.body);
        const spec = optionalChild(body, '/spec') ?? body;
        const prefix = optionalChild(body, '/spec') === undefined ? '' : '/spec';
        const cur = readPoolConfig(ctx);
        const enabled = optionalBool(spec, `${prefix}/default_pool_enabled`) ?? cur.defaultPoolEnabled;
        const max = optionalInt(spec, `${prefix}/default_pool_max_cfu`) ?? cur.defaultPoolMaxCfu;
        if (!MAX_CFU_VALUES.includes(max)) throw new ApiError(400, 'invalid_input', `default_pool_max_cfu ${max} is not one of ${MAX_CFU_VALUES.join(', ')}.`, `${prefix}/default_pool_max_cfu`);
        const next: ComputePoolConfigRecord = { ...cur, defaultPoolEnabled: enabled, defaultPoolMaxCfu: max, updatedAt: nowIso(ctx.clock) };
        if (ctx.store.has('compute-pool-config', 'default')) ctx.store.update('compute-pool-config', next);
        else ctx.store.insert('compute-pool-config', next);
        return { status: 200, body: renderPoolConfig(ctx, req, next) };
      },
    },
  ];
}
