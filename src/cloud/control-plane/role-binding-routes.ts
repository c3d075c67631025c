/** `iam/v2/role-bindings`: grant a predefined role to a principal on a CRN pattern. */
import type { HttpRequest, Route } from '../http/index.js';
import { ApiError, isObject, paginate, requireObject, requireString } from '../http/index.js';
import { KNOWN_ROLES, parseCrn } from '../auth/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso } from './control-plane-context.js';
import { orgCrn, roleBindingCrn } from './crn.js';
import { freshId } from './ids.js';
import type { RoleBindingRecord } from './types.js';

const BASE = '/iam/v2/role-bindings';

function renderRoleBinding(ctx: ControlPlaneContext, req: HttpRequest, b: RoleBindingRecord): Record<string, unknown> {
  return {
    api_version: 'iam/v2', kind: 'RoleBinding', id: b.id,
    metadata: { self: `${req.baseUrl}${BASE}/${b.id}`, resource_name: roleBindingCrn(ctx.orgId, b.id), created_at: b.createdAt, updated_at: b.updatedAt },
    principal: b.principal, role_name: b.roleName, crn_pattern: b.crnPattern,
  };
}

function requireBinding(ctx: ControlPlaneContext, id: string): RoleBindingRecord {
  const b = ctx.store.get('role-binding', id);
  if (b === undefined) throw notFound('Role binding', id);
  return b;
}

function principalExists(ctx: ControlPlaneContext, id: string): boolean {
  if (id.startsWith('sa-')) return ctx.store.has('service-account', id);
  if (id.startsWith('u-')) return ctx.store.has('user', id);
  return id.startsWith('pool-');
}

/** Inserts a role binding (also used for the bootstrap admin). */
export function insertRoleBinding(ctx: ControlPlaneContext, input: { principal: string; roleName: string; crnPattern: string }): RoleBindingRecord {
  const now = nowIso(ctx.clock);
  const id = freshId(ctx.ids, 'rb', (x) => ctx.store.has('role-binding', x));
  const rec: RoleBindingRecord = { id, ...input, createdAt: now, updatedAt: now };
  ctx.store.insert('role-binding', rec);
  return rec;
}

/** The routes of `iam/v2/role-bindings`. */
export function roleBindingRoutes(ctx: ControlPlaneContext): Route[] {
  const bodyCrn = (req: HttpRequest): string => {
    const p = isObject(req.body) ? req.body['crn_pattern'] : undefined;
    return typeof p === 'string' ? p : orgCrn(ctx.orgId);
  };
  const oneCrn = (req: HttpRequest): string => ctx.store.get('role-binding', req.params['id'] ?? '')?.crnPattern ?? orgCrn(ctx.orgId);
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent',
      authz: authz((req) => req.query.get('crn_pattern') ?? orgCrn(ctx.orgId), 'Describe'),
      handler: (req) => {
        const principal = req.query.get('principal');
        const role = req.query.get('role_name');
        const crn = req.query.get('crn_pattern');
        const all = ctx.store.list('role-binding').filter((b) => (principal === null || b.principal === principal) && (role === null || b.roleName === role) && (crn === null || b.crnPattern === crn) && ctx.visible(req, b.crnPattern));
        const page = paginate(all, req.query);
        return { status: 200, body: listBody(req, 'iam/v2', 'RoleBinding', { ...page, items: page.items.map((b) => renderRoleBinding(ctx, req, b)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent', authz: authz(bodyCrn, 'Grant'),
      handler: (req) => {
        const body = requireObject(req.body);
        const principal = requireString(body, '/principal', { pattern: /^User:.+$/ });
        const roleName = requireString(body, '/role_name');
        const crnPattern = requireString(body, '/crn_pattern', { pattern: /^crn:\/\/.+$/ });
        if (!KNOWN_ROLES.includes(roleName)) throw new ApiError(400, 'invalid_input', `Unknown role '${roleName}'; known roles: ${KNOWN_ROLES.join(', ')}.`, '/role_name');
        const segs = parseCrn(crnPattern);
        if (segs === undefined || segs[0]?.key !== 'organization' || segs[0].value !== ctx.orgId) {
          throw new ApiError(400, 'invalid_input', `crn_pattern must start with ${orgCrn(ctx.orgId)}.`, '/crn_pattern');
        }
        const principalId = principal.slice('User:'.length);
        if (!principalExists(ctx, principalId)) throw new ApiError(404, 'not_found', `Principal '${principalId}' not found.`, '/principal');
        const rec = ctx.store.transaction(() => {
          if (ctx.store.list('role-binding').some((b) => b.principal === principal && b.roleName === roleName && b.crnPattern === crnPattern)) {
            throw new ApiError(409, 'conflict', `Role binding ${roleName} for ${principal} on ${crnPattern} already exists.`);
          }
          return insertRoleBinding(ctx, { principal, roleName, crnPattern });
        });
        return { status: 201, body: renderRoleBinding(ctx, req, rec) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderRoleBinding(ctx, req, requireBinding(ctx, req.params['id'] ?? '')) }),
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Grant'),
      handler: (req) => {
        const b = requireBinding(ctx, req.params['id'] ?? '');
        ctx.store.delete('role-binding', b.id);
        return { status: 204 };
      },
    },
  ];
}
