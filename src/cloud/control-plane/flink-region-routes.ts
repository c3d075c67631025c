/** `fcpm/v2/regions`: the Flink region catalog; every region's endpoint is this server. */
import type { HttpRequest, Route } from '../http/index.js';
import { paginate } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody } from './control-plane-context.js';
import { orgCrn } from './crn.js';
import type { FlinkRegion } from './region-catalog.js';
import { FLINK_REGIONS } from './region-catalog.js';

function renderRegion(req: HttpRequest, r: FlinkRegion): Record<string, unknown> {
  return {
    api_version: 'fcpm/v2', kind: 'Region', id: r.id,
    metadata: { self: `${req.baseUrl}/fcpm/v2/regions/${r.id}` },
    display_name: r.displayName, cloud: r.cloud, region_name: r.regionName,
    http_endpoint: req.baseUrl, private_http_endpoint: req.baseUrl,
  };
}

/** The routes of `fcpm/v2/regions`. */
export function flinkRegionRoutes(ctx: ControlPlaneContext): Route[] {
  return [{
    method: 'GET', pattern: '/fcpm/v2/regions', envelope: 'confluent', authz: authz(() => orgCrn(ctx.orgId), 'Describe'),
    handler: (req) => {
      const cloud = req.query.get('cloud')?.toUpperCase();
      const name = req.query.get('region_name');
      const matches = FLINK_REGIONS.filter((r) => (cloud === undefined || cloud === '' || r.cloud === cloud) && (name === null || name === '' || r.regionName === name));
      const page = paginate(matches, req.query, { defaultSize: 100 });
      return { status: 200, body: listBody(req, 'fcpm/v2', 'Region', { ...page, items: page.items.map((r) => renderRegion(req, r)) }) };
    },
  }];
}
