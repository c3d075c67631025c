/** `org/v2/organizations`: the one organization of this data directory. */
import type { HttpRequest, Route } from '../http/index.js';
import { paginate } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound } from './control-plane-context.js';
import { orgCrn } from './crn.js';

const BASE = '/org/v2/organizations';

function renderOrganization(ctx: ControlPlaneContext, req: HttpRequest): Record<string, unknown> {
  const createdAt = ctx.store.getMeta('organization_created_at') ?? '';
  return {
    api_version: 'org/v2', kind: 'Organization', id: ctx.orgId,
    metadata: { self: `${req.baseUrl}${BASE}/${ctx.orgId}`, resource_name: orgCrn(ctx.orgId), created_at: createdAt, updated_at: createdAt },
    display_name: ctx.store.getMeta('organization_name') ?? 'streamform local',
    jit_enabled: false,
  };
}

/** The routes of `org/v2/organizations`. */
export function organizationRoutes(ctx: ControlPlaneContext): Route[] {
  const crn = (): string => orgCrn(ctx.orgId);
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(crn, 'Describe'),
      handler: (req) => ({ status: 200, body: listBody(req, 'org/v2', 'Organization', paginate([renderOrganization(ctx, req)], req.query)) }),
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(crn, 'Describe'),
      handler: (req) => {
        if (req.params['id'] !== ctx.orgId) throw notFound('Organization', req.params['id'] ?? '');
        return { status: 200, body: renderOrganization(ctx, req) };
      },
    },
  ];
}
