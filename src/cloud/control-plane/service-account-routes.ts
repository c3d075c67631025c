/** `iam/v2/service-accounts` and `iam/v2/users`. */
import type { HttpRequest, Route } from '../http/index.js';
import { ApiError, optionalString, paginate, requireObject, requireString } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso, objectMetadata } from './control-plane-context.js';
import { orgCrn, serviceAccountCrn, userCrn } from './crn.js';
import { freshId } from './ids.js';
import type { ServiceAccountRecord, UserRecord } from './types.js';

const BASE = '/iam/v2/service-accounts';

function renderServiceAccount(ctx: ControlPlaneContext, req: HttpRequest, sa: ServiceAccountRecord): Record<string, unknown> {
  return {
    api_version: 'iam/v2', kind: 'ServiceAccount', id: sa.id,
    metadata: objectMetadata(req, `${BASE}/${sa.id}`, serviceAccountCrn(ctx.orgId, sa.id), sa),
    display_name: sa.displayName, description: sa.description,
  };
}

function renderUser(ctx: ControlPlaneContext, req: HttpRequest, u: UserRecord): Record<string, unknown> {
  return {
    api_version: 'iam/v2', kind: 'User', id: u.id,
    metadata: objectMetadata(req, `/iam/v2/users/${u.id}`, userCrn(ctx.orgId, u.id), u),
    email: u.email, full_name: u.fullName, auth_type: 'AUTH_TYPE_LOCAL',
  };
}

function requireServiceAccount(ctx: ControlPlaneContext, id: string): ServiceAccountRecord {
  const sa = ctx.store.get('service-account', id);
  if (sa === undefined) throw notFound('Service account', id);
  return sa;
}

function assertUniqueName(ctx: ControlPlaneContext, name: string, except?: string): void {
  if (ctx.store.list('service-account').some((s) => s.displayName === name && s.id !== except)) {
    throw new ApiError(409, 'conflict', `Service account with display name '${name}' already exists.`, '/display_name');
  }
}

/** The routes of `iam/v2/service-accounts` and `iam/v2/users`. */
export function serviceAccountRoutes(ctx: ControlPlaneContext): Route[] {
  const saCrn = (req: HttpRequest): string => serviceAccountCrn(ctx.orgId, req.params['id'] ?? '');
  const org = (): string => orgCrn(ctx.orgId);
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(org, 'Describe'),
      handler: (req) => {
        const page = paginate(ctx.store.list('service-account').filter((s) => ctx.visible(req, serviceAccountCrn(ctx.orgId, s.id))), req.query);
        return { status: 200, body: listBody(req, 'iam/v2', 'ServiceAccount', { ...page, items: page.items.map((s) => renderServiceAccount(ctx, req, s)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent', authz: authz(() => `${orgCrn(ctx.orgId)}/service-account=*`, 'Manage'),
      handler: (req) => {
        const body = requireObject(req.body);
        const displayName = requireString(body, '/display_name', { maxLength: 64 });
        const description = optionalString(body, '/description', { allowEmpty: true }) ?? '';
        const now = nowIso(ctx.clock);
        const sa = ctx.store.transaction(() => {
          assertUniqueName(ctx, displayName);
          const id = freshId(ctx.ids, 'sa', (x) => ctx.store.has('service-account', x));
          const rec: ServiceAccountRecord = { id, displayName, description, createdAt: now, updatedAt: now };
          ctx.store.insert('service-account', rec);
          return rec;
        });
        return { status: 201, body: renderServiceAccount(ctx, req, sa) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(saCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderServiceAccount(ctx, req, requireServiceAccount(ctx, req.params['id'] ?? '')) }),
    },
    {
      method: 'PATCH', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(saCrn, 'Manage'),
      handler: (req) => {
        const sa = requireServiceAccount(ctx, req.params['id'] ?? '');
        const body = requireObject(req.body);
        const displayName = optionalString(body, '/display_name', { maxLength: 64 }) ?? sa.displayName;
        const description = optionalString(body, '/description', { allowEmpty: true }) ?? sa.description;
        const next: ServiceAccountRecord = { ...sa, displayName, description, updatedAt: nowIso(ctx.clock) };
        ctx.store.transaction(() => {
          assertUniqueName(ctx, displayName, sa.id);
          ctx.store.update('service-account', next);
        });
        return { status: 200, body: renderServiceAccount(ctx, req, next) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(saCrn, 'Manage'),
      handler: (req) => {
        const sa = requireServiceAccount(ctx, req.params['id'] ?? '');
        ctx.store.transaction(() => {
          // Like Confluent Cloud: a deleted service account takes its API keys and role bindings with it.
          for (const k of ctx.store.list('api-key')) if (k.ownerId === sa.id) ctx.store.delete('api-key', k.id);
          for (const b of ctx.store.list('role-binding')) if (b.principal === `User:${sa.id}`) ctx.store.delete('role-binding', b.id);
          ctx.store.delete('service-account', sa.id);
        });
        return { status: 204 };
      },
    },
    {
      method: 'GET', pattern: '/iam/v2/users', envelope: 'confluent', authz: authz(org, 'Describe'),
      handler: (req) => {
        const page = paginate(ctx.store.list('user'), req.query);
        return { status: 200, body: listBody(req, 'iam/v2', 'User', { ...page, items: page.items.map((u) => renderUser(ctx, req, u)) }) };
      },
    },
    {
      method: 'GET', pattern: '/iam/v2/users/:id', envelope: 'confluent', authz: authz((req) => userCrn(ctx.orgId, req.params['id'] ?? ''), 'Describe'),
      handler: (req) => {
        const u = ctx.store.get('user', req.params['id'] ?? '');
        if (u === undefined) throw notFound('User', req.params['id'] ?? '');
        return { status: 200, body: renderUser(ctx, req, u) };
      },
    },
  ];
}
