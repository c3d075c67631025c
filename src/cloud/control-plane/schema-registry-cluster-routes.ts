/** `srcm/v3/clusters`: read-only view of each environment's Schema Registry cluster. */
import type { HttpRequest, Route } from '../http/index.js';
import { ApiError, paginate, requireQuery } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, objectMetadata } from './control-plane-context.js';
import { environmentCrn, schemaRegistryCrn } from './crn.js';
import { requireEnvironment } from './environment-routes.js';
import type { SrClusterRecord } from './types.js';

const BASE = '/srcm/v3/clusters';

/** Renders an SR cluster in the srcm/v3 wire shape; its endpoint is `<baseUrl>/sr/<id>`. */
export function renderSrCluster(ctx: ControlPlaneContext, req: HttpRequest, sr: SrClusterRecord): Record<string, unknown> {
  const endpoint = `${req.baseUrl}/sr/${sr.id}`;
  return {
    api_version: 'srcm/v3', kind: 'Cluster', id: sr.id,
    metadata: objectMetadata(req, `${BASE}/${sr.id}`, schemaRegistryCrn(ctx.orgId, sr.environmentId, sr.id), sr),
    spec: {
      display_name: 'Stream Governance Package', package: sr.package, cloud: sr.cloud, region: sr.region,
      http_endpoint: endpoint, private_http_endpoint: endpoint,
      // Confluent's field is private_networking_config.regional_endpoints; the older
      // private_regional_http_endpoints is kept for clients that still read it.
      private_networking_config: { regional_endpoints: {} }, private_regional_http_endpoints: {},
      catalog_http_endpoint: endpoint,
      environment: { id: sr.environmentId, related: `${req.baseUrl}/org/v2/environments/${sr.environmentId}`, resource_name: environmentCrn(ctx.orgId, sr.environmentId) },
    },
    status: { phase: 'PROVISIONED' },
  };
}

/** The routes of `srcm/v3/clusters`. */
export function schemaRegistryClusterRoutes(ctx: ControlPlaneContext): Route[] {
  const envCrn = (req: HttpRequest): string => environmentCrn(ctx.orgId, req.query.get('environment') ?? '');
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(envCrn, 'Describe'),
      handler: (req) => {
        const env = requireEnvironment(ctx, requireQuery(req.query, 'environment'));
        const page = paginate(ctx.store.list('sr-cluster', env.id).filter((s) => ctx.visible(req, schemaRegistryCrn(ctx.orgId, env.id, s.id))), req.query);
        return { status: 200, body: listBody(req, 'srcm/v3', 'Cluster', { ...page, items: page.items.map((s) => renderSrCluster(ctx, req, s)) }) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent',
      authz: authz((req) => schemaRegistryCrn(ctx.orgId, req.query.get('environment') ?? '', req.params['id'] ?? ''), 'Describe'),
      handler: (req) => {
        const envId = requireQuery(req.query, 'environment');
        const sr = ctx.store.get('sr-cluster', req.params['id'] ?? '');
        if (sr === undefined || sr.environmentId !== envId) throw notFound('Schema Registry cluster', req.params['id'] ?? '');
        return { status: 200, body: renderSrCluster(ctx, req, sr) };
      },
    },
  ];
}

/** Rejects unknown environments in a clearer way than a bare 404 (used by other groups). */
export function assertSameEnvironment(actual: string, expected: string, what: string, id: string): void {
  if (actual !== expected) throw new ApiError(404, 'not_found', `${what} '${id}' not found in environment '${expected}'.`);
}
