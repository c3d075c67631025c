/** `org/v2/environments`: CRUD, Stream Governance package, and the environment's SR cluster. */
import type { HttpRequest, Route } from '../http/index.js';
import { ApiError, optionalChild, optionalEnum, optionalString, paginate, requireEnum, requireObject, requireString } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso, objectMetadata } from './control-plane-context.js';
import { environmentCrn, orgCrn } from './crn.js';
import { freshId } from './ids.js';
import type { EnvironmentRecord, GovernancePackage, SrClusterRecord } from './types.js';

const PACKAGES: readonly GovernancePackage[] = ['ESSENTIALS', 'ADVANCED'];
const BASE = '/org/v2/environments';

/** Renders an environment in the org/v2 wire shape. */
export function renderEnvironment(ctx: ControlPlaneContext, req: HttpRequest, env: EnvironmentRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    api_version: 'org/v2', kind: 'Environment', id: env.id,
    metadata: objectMetadata(req, `${BASE}/${env.id}`, environmentCrn(ctx.orgId, env.id), env),
    display_name: env.displayName,
  };
  if (env.governance !== undefined) out['stream_governance_config'] = { package: env.governance };
  return out;
}

/** The environment or a 404. */
export function requireEnvironment(ctx: ControlPlaneContext, id: string): EnvironmentRecord {
  const env = ctx.store.get('environment', id);
  if (env === undefined) throw notFound('Environment', id);
  return env;
}

function createSrCluster(ctx: ControlPlaneContext, envId: string, pkg: GovernancePackage, now: string): void {
  const id = freshId(ctx.ids, 'lsrc', (x) => ctx.store.has('sr-cluster', x));
  const sr: SrClusterRecord = { id, environmentId: envId, package: pkg, cloud: 'AWS', region: 'us-east-2', createdAt: now, updatedAt: now };
  ctx.store.insert('sr-cluster', sr, envId);
}

/** The routes of `org/v2/environments`. */
export function environmentRoutes(ctx: ControlPlaneContext): Route[] {
  const envCrn = (req: HttpRequest): string => environmentCrn(ctx.orgId, req.params['id'] ?? '');
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(() => orgCrn(ctx.orgId), 'Describe'),
      handler: (req) => {
        const page = paginate(ctx.store.list('environment').filter((e) => ctx.visible(req, environmentCrn(ctx.orgId, e.id))), req.query);
        return { status: 200, body: listBody(req, 'org/v2', 'Environment', { ...page, items: page.items.map((e) => renderEnvironment(ctx, req, e)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent', authz: authz(() => orgCrn(ctx.orgId), 'Manage'),
      handler: (req) => {
        const body = requireObject(req.body);
        const displayName = requireString(body, '/display_name', { maxLength: 64 });
        const sg = optionalChild(body, '/stream_governance_config');
        const pkg = sg === undefined ? 'ESSENTIALS' : requireEnum(sg, '/stream_governance_config/package', PACKAGES);
        const now = nowIso(ctx.clock);
        const env = ctx.store.transaction(() => {
          const id = freshId(ctx.ids, 'env', (x) => ctx.store.has('environment', x));
          const rec: EnvironmentRecord = { id, displayName, governance: pkg, createdAt: now, updatedAt: now };
          ctx.store.insert('environment', rec);
          createSrCluster(ctx, id, pkg, now);
          return rec;
        });
        return { status: 201, body: renderEnvironment(ctx, req, env) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(envCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderEnvironment(ctx, req, requireEnvironment(ctx, req.params['id'] ?? '')) }),
    },
    {
      method: 'PATCH', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(envCrn, 'Manage'),
      handler: (req) => {
        const env = requireEnvironment(ctx, req.params['id'] ?? '');
        const body = requireObject(req.body);
        const displayName = optionalString(body, '/display_name', { maxLength: 64 }) ?? env.displayName;
        const sg = optionalChild(body, '/stream_governance_config');
        const pkg = sg === undefined ? env.governance : optionalEnum(sg, '/stream_governance_config/package', PACKAGES) ?? env.governance;
        if (env.governance === 'ADVANCED' && pkg === 'ESSENTIALS') {
          throw new ApiError(400, 'invalid_input', 'Downgrading the Stream Governance package from ADVANCED to ESSENTIALS is not supported.', '/stream_governance_config/package');
        }
        const now = nowIso(ctx.clock);
        const updated: EnvironmentRecord = pkg === undefined
          ? { id: env.id, displayName, createdAt: env.createdAt, updatedAt: now }
          : { id: env.id, displayName, governance: pkg, createdAt: env.createdAt, updatedAt: now };
        ctx.store.transaction(() => {
          ctx.store.update('environment', updated);
          const sr = ctx.store.list('sr-cluster', env.id)[0];
          if (sr === undefined && pkg !== undefined) createSrCluster(ctx, env.id, pkg, now);
          else if (sr !== undefined && pkg !== undefined && sr.package !== pkg) ctx.store.update('sr-cluster', { ...sr, package: pkg, updatedAt: now });
        });
        return { status: 200, body: renderEnvironment(ctx, req, updated) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(envCrn, 'Manage'),
      handler: (req) => {
        const env = requireEnvironment(ctx, req.params['id'] ?? '');
        const clusters = ctx.store.list('kafka-cluster', env.id).length;
        const pools = ctx.store.list('compute-pool', env.id).length;
        if (clusters > 0 || pools > 0) {
          throw new ApiError(409, 'conflict', `Environment '${env.id}' still contains resources (${clusters} Kafka cluster(s), ${pools} compute pool(s)); delete them first.`);
        }
        const srs = ctx.store.list('sr-cluster', env.id);
        ctx.store.transaction(() => {
          for (const sr of srs) ctx.store.delete('sr-cluster', sr.id);
          ctx.store.delete('environment', env.id);
        });
        for (const sr of srs) ctx.hooks.onSchemaRegistryDeleted?.(sr.id);
        // Confluent Cloud deletes an environment "and all resources it contains"; statements left
        // over from ad-hoc queries (`streamform sql`/`shell`, the CLI, the UI) must not block it.
        ctx.hooks.onEnvironmentDeleted?.(env.id);
        return { status: 204 };
      },
    },
  ];
}
