/**
 * `iam/v2/api-keys`: keys owned by service accounts or users, optionally scoped to a Kafka
 * cluster, a Schema Registry cluster or a Flink region. The secret is returned once, at create,
 * and stored only as a salted scrypt hash.
 */
import type { HttpRequest, Route } from '../http/index.js';
import type { JsonObject } from '../http/index.js';
import { ApiError, isObject, optionalChild, optionalString, paginate, requireChild, requireObject, requireString } from '../http/index.js';
import { hashSecret } from '../auth/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso } from './control-plane-context.js';
import { clusterCrn, flinkRegionCrn, orgCrn, schemaRegistryCrn, serviceAccountCrn, userCrn } from './crn.js';
import { newApiKeyId, newApiSecret, newSalt } from './ids.js';
import { findRegionById } from './region-catalog.js';
import type { ApiKeyRecord, ApiKeyResource } from './types.js';

const BASE = '/iam/v2/api-keys';

function ownerCrn(ctx: ControlPlaneContext, ownerId: string): string {
  return ownerId.startsWith('u-') ? userCrn(ctx.orgId, ownerId) : serviceAccountCrn(ctx.orgId, ownerId);
}

function resourceCrn(ctx: ControlPlaneContext, r: ApiKeyResource): string {
  const env = r.environmentId ?? '';
  if (r.apiVersion === 'cmk/v2') return clusterCrn(ctx.orgId, env, r.id);
  if (r.apiVersion.startsWith('srcm/')) return schemaRegistryCrn(ctx.orgId, env, r.id);
  if (r.apiVersion === 'fcpm/v2') return flinkRegionCrn(ctx.orgId, env, r.id);
  return orgCrn(ctx.orgId);
}

/** Renders an API key; `secret` only on the create response. */
export function renderApiKey(ctx: ControlPlaneContext, req: HttpRequest, k: ApiKeyRecord, secret?: string): Record<string, unknown> {
  const ownerKind = k.ownerId.startsWith('u-') ? 'User' : 'ServiceAccount';
  const ownerPath = ownerKind === 'User' ? `/iam/v2/users/${k.ownerId}` : `/iam/v2/service-accounts/${k.ownerId}`;
  const spec: Record<string, unknown> = {
    display_name: k.displayName, description: k.description,
    owner: { id: k.ownerId, related: `${req.baseUrl}${ownerPath}`, resource_name: ownerCrn(ctx, k.ownerId), api_version: 'iam/v2', kind: ownerKind },
  };
  if (k.resource !== undefined) {
    spec['resource'] = {
      id: k.resource.id, related: req.baseUrl, resource_name: resourceCrn(ctx, k.resource),
      environment: k.resource.environmentId ?? '', api_version: k.resource.apiVersion, kind: k.resource.kind,
    };
  }
  if (secret !== undefined) spec['secret'] = secret;
  return {
    api_version: 'iam/v2', kind: 'ApiKey', id: k.id,
    metadata: { self: `${req.baseUrl}${BASE}/${k.id}`, resource_name: `${orgCrn(ctx.orgId)}/api-key=${k.id}`, created_at: k.createdAt, updated_at: k.updatedAt },
    spec,
  };
}

function readResource(ctx: ControlPlaneContext, spec: JsonObject): ApiKeyResource | undefined {
  const r = optionalChild(spec, '/spec/resource');
  if (r === undefined) return undefined;
  const id = requireString(r, '/spec/resource/id');
  const envValue = r['environment'];
  const envId = isObject(envValue) ? optionalString(envValue, '/spec/resource/environment/id') : optionalString(r, '/spec/resource/environment');
  const cluster = ctx.store.get('kafka-cluster', id);
  if (cluster !== undefined) return { id, apiVersion: 'cmk/v2', kind: 'Cluster', environmentId: cluster.environmentId };
  const sr = ctx.store.get('sr-cluster', id);
  if (sr !== undefined) return { id, apiVersion: optionalString(r, '/spec/resource/api_version') ?? 'srcm/v3', kind: 'Cluster', environmentId: sr.environmentId };
  if (findRegionById(id) !== undefined) {
    if (envId === undefined) throw new ApiError(400, 'invalid_input', 'A Flink API key needs spec.resource.environment.', '/spec/resource/environment');
    if (!ctx.store.has('environment', envId)) throw new ApiError(404, 'not_found', `Environment '${envId}' not found.`, '/spec/resource/environment');
    return { id, apiVersion: 'fcpm/v2', kind: 'Region', environmentId: envId };
  }
  throw new ApiError(404, 'not_found', `Resource '${id}' not found: expected a Kafka cluster (lkc-), a Schema Registry cluster (lsrc-) or a Flink region (aws.us-east-2).`, '/spec/resource/id');
}

function requireKey(ctx: ControlPlaneContext, id: string): ApiKeyRecord {
  const k = ctx.store.get('api-key', id);
  if (k === undefined) throw notFound('API key', id);
  return k;
}

/** Creates an API key record and returns it with its one-time secret (also used for the bootstrap key). */
export function createApiKey(ctx: ControlPlaneContext, input: { ownerId: string; displayName: string; description: string; resource?: ApiKeyResource }): { record: ApiKeyRecord; secret: string } {
  const secret = newApiSecret(ctx.ids);
  const now = nowIso(ctx.clock);
  let id = newApiKeyId(ctx.ids);
  while (ctx.store.has('api-key', id)) id = newApiKeyId(ctx.ids);
  const base = { id, displayName: input.displayName, description: input.description, ownerId: input.ownerId, secretHash: hashSecret(secret, newSalt(ctx.ids)), createdAt: now, updatedAt: now };
  const record: ApiKeyRecord = input.resource === undefined ? base : { ...base, resource: input.resource };
  ctx.store.insert('api-key', record);
  return { record, secret };
}

/** The routes of `iam/v2/api-keys`. */
export function apiKeyRoutes(ctx: ControlPlaneContext): Route[] {
  const keyCrn = (req: HttpRequest): string => {
    const k = ctx.store.get('api-key', req.params['id'] ?? '');
    return k === undefined ? orgCrn(ctx.orgId) : ownerCrn(ctx, k.ownerId);
  };
  const createCrn = (req: HttpRequest): string => {
    const spec = isObject(req.body) ? req.body['spec'] : undefined;
    const owner = isObject(spec) ? spec['owner'] : undefined;
    const id = isObject(owner) && typeof owner['id'] === 'string' ? owner['id'] : '';
    return ownerCrn(ctx, id);
  };
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(() => orgCrn(ctx.orgId), 'Describe'),
      handler: (req) => {
        const owner = req.query.get('spec.owner');
        const resource = req.query.get('spec.resource');
        const keys = ctx.store.list('api-key').filter((k) => (owner === null || k.ownerId === owner) && (resource === null || k.resource?.id === resource) && ctx.visible(req, ownerCrn(ctx, k.ownerId)));
        const page = paginate(keys, req.query);
        return { status: 200, body: listBody(req, 'iam/v2', 'ApiKey', { ...page, items: page.items.map((k) => renderApiKey(ctx, req, k)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent', authz: authz(createCrn, 'Manage'),
      handler: (req) => {
        const spec = requireChild(requireObject(req.body), '/spec');
        const ownerId = requireString(requireChild(spec, '/spec/owner'), '/spec/owner/id', { pattern: /^(u|sa)-/ });
        if (!ctx.store.has(ownerId.startsWith('u-') ? 'user' : 'service-account', ownerId)) {
          throw new ApiError(404, 'not_found', `Owner '${ownerId}' not found.`, '/spec/owner/id');
        }
        const resource = readResource(ctx, spec);
        const displayName = optionalString(spec, '/spec/display_name', { allowEmpty: true }) ?? '';
        const description = optionalString(spec, '/spec/description', { allowEmpty: true }) ?? '';
        const { record, secret } = ctx.store.transaction(() => createApiKey(ctx, resource === undefined ? { ownerId, displayName, description } : { ownerId, displayName, description, resource }));
        return { status: 202, body: renderApiKey(ctx, req, record, secret) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(keyCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderApiKey(ctx, req, requireKey(ctx, req.params['id'] ?? '')) }),
    },
    {
      method: 'PATCH', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(keyCrn, 'Manage'),
      handler: (req) => {
        const k = requireKey(ctx, req.params['id'] ?? '');
        const spec = requireChild(requireObject(req.body), '/spec');
        const next: ApiKeyRecord = {
          ...k,
          displayName: optionalString(spec, '/spec/display_name', { allowEmpty: true }) ?? k.displayName,
          description: optionalString(spec, '/spec/description', { allowEmpty: true }) ?? k.description,
          updatedAt: nowIso(ctx.clock),
        };
        ctx.store.update('api-key', next);
        return { status: 200, body: renderApiKey(ctx, req, next) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(keyCrn, 'Manage'),
      handler: (req) => {
        const k = requireKey(ctx, req.params['id'] ?? '');
        ctx.store.delete('api-key', k.id);
        return { status: 204 };
      },
    },
  ];
}
