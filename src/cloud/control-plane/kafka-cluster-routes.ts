/** `cmk/v2/clusters`: Kafka clusters (provisioned immediately; Kafka REST at `<baseUrl>/kafka/v3/clusters/<id>`). */
import type { HttpRequest, Route } from '../http/index.js';
import type { JsonObject } from '../http/index.js';
import { ApiError, optionalChild, optionalInt, optionalString, paginate, requireChild, requireEnum, requireObject, requireQuery, requireString } from '../http/index.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { authz, listBody, notFound, nowIso, objectMetadata } from './control-plane-context.js';
import { clusterCrn, environmentCrn } from './crn.js';
import { requireEnvironment } from './environment-routes.js';
import { freshId } from './ids.js';
import type { Availability, CloudProvider, ClusterKind, KafkaClusterRecord } from './types.js';

const BASE = '/cmk/v2/clusters';
const AVAILABILITY: readonly Availability[] = ['SINGLE_ZONE', 'MULTI_ZONE', 'LOW', 'HIGH'];
const CLOUDS: readonly CloudProvider[] = ['AWS', 'AZURE', 'GCP'];
const KINDS: readonly ClusterKind[] = ['Basic', 'Standard', 'Enterprise', 'Dedicated', 'Freight'];

/**
 * `spec.config.max_ecku` when the create did not set one. Confluent applies a per-type ceiling;
 * these are the local cloud's stand-ins for it (elastic types only; Dedicated has CKUs).
 */
const DEFAULT_MAX_ECKU: { readonly [K in ClusterKind]?: number } = { Basic: 50, Standard: 10, Enterprise: 10, Freight: 50 };

/** Renders a cluster in the cmk/v2 wire shape. */
export function renderCluster(ctx: ControlPlaneContext, req: HttpRequest, c: KafkaClusterRecord): Record<string, unknown> {
  const port = new URL(req.baseUrl).port;
  const config: Record<string, unknown> = { kind: c.clusterKind };
  if (c.cku !== undefined) config['cku'] = c.cku;
  const maxEcku = c.maxEcku ?? DEFAULT_MAX_ECKU[c.clusterKind];
  if (c.clusterKind !== 'Dedicated' && maxEcku !== undefined) config['max_ecku'] = maxEcku;
  const bootstrap = ctx.hooks.kafkaBootstrap?.() ?? `SASL_PLAINTEXT://127.0.0.1:${port}`;
  const status: Record<string, unknown> = { phase: 'PROVISIONED' };
  if (c.cku !== undefined) status['cku'] = c.cku;
  return {
    api_version: 'cmk/v2', kind: 'Cluster', id: c.id,
    metadata: objectMetadata(req, `${BASE}/${c.id}`, clusterCrn(ctx.orgId, c.environmentId, c.id), c),
    spec: {
      display_name: c.displayName, availability: c.availability, cloud: c.cloud, region: c.region, config,
      kafka_bootstrap_endpoint: bootstrap,
      http_endpoint: req.baseUrl,
      api_endpoint: req.baseUrl,
      // Endpoints by access point id; `PUBLIC` is Confluent's reserved id for public networking.
      endpoints: { PUBLIC: { kafka_bootstrap_endpoint: bootstrap, http_endpoint: req.baseUrl, connection_type: 'PUBLIC' } },
      environment: { id: c.environmentId, related: `${req.baseUrl}/org/v2/environments/${c.environmentId}`, resource_name: environmentCrn(ctx.orgId, c.environmentId) },
    },
    status,
  };
}

/** The cluster (checked to be in `envId` when given) or a 404. */
export function requireCluster(ctx: ControlPlaneContext, id: string, envId?: string): KafkaClusterRecord {
  const c = ctx.store.get('kafka-cluster', id);
  if (c === undefined || (envId !== undefined && c.environmentId !== envId)) throw notFound('Kafka cluster', id);
  return c;
}

function readConfig(spec: JsonObject, availability: Availability, pointer: string): { kind: ClusterKind; cku?: number; maxEcku?: number } {
  const config = requireChild(spec, `${pointer}/config`);
  const kind = requireEnum(config, `${pointer}/config/kind`, KINDS);
  const cku = optionalInt(config, `${pointer}/config/cku`, { min: 1 });
  const multi = availability === 'MULTI_ZONE' || availability === 'HIGH';
  if (kind !== 'Dedicated') {
    const maxEcku = optionalInt(config, `${pointer}/config/max_ecku`, { min: 1 });
    if (maxEcku === undefined) return { kind };
    if (multi && maxEcku < 2) throw new ApiError(400, 'invalid_input', 'A multi-zone cluster needs max_ecku of at least 2.', `${pointer}/config/max_ecku`);
    return { kind, maxEcku };
  }
  if (cku === undefined) throw new ApiError(400, 'invalid_input', 'A Dedicated cluster needs config.cku.', `${pointer}/config/cku`);
  if (multi && cku < 2) throw new ApiError(400, 'invalid_input', 'A multi-zone Dedicated cluster needs at least 2 CKUs.', `${pointer}/config/cku`);
  return { kind, cku };
}

/** The routes of `cmk/v2/clusters`. */
export function kafkaClusterRoutes(ctx: ControlPlaneContext): Route[] {
  const envCrn = (req: HttpRequest): string => environmentCrn(ctx.orgId, req.query.get('environment') ?? '');
  const oneCrn = (req: HttpRequest): string => {
    const c = ctx.store.get('kafka-cluster', req.params['id'] ?? '');
    return clusterCrn(ctx.orgId, c?.environmentId ?? req.query.get('environment') ?? '', req.params['id'] ?? '');
  };
  return [
    {
      method: 'GET', pattern: BASE, envelope: 'confluent', authz: authz(envCrn, 'Describe'),
      handler: (req) => {
        const env = requireEnvironment(ctx, requireQuery(req.query, 'environment'));
        const page = paginate(ctx.store.list('kafka-cluster', env.id).filter((c) => ctx.visible(req, clusterCrn(ctx.orgId, env.id, c.id))), req.query);
        return { status: 200, body: listBody(req, 'cmk/v2', 'Cluster', { ...page, items: page.items.map((c) => renderCluster(ctx, req, c)) }) };
      },
    },
    {
      method: 'POST', pattern: BASE, envelope: 'confluent',
      authz: authz((req) => environmentCrn(ctx.orgId, bodyEnvId(req.body)), 'Manage'),
      handler: (req) => {
        const spec = requireChild(requireObject(req.body), '/spec');
        const displayName = requireString(spec, '/spec/display_name', { maxLength: 64 });
        const availability = requireEnum(spec, '/spec/availability', AVAILABILITY);
        const cloud = requireEnum(spec, '/spec/cloud', CLOUDS);
        const region = requireString(spec, '/spec/region');
        const config = readConfig(spec, availability, '/spec');
        if (config.kind === 'Freight' && cloud !== 'AWS') throw new ApiError(400, 'invalid_input', 'Freight clusters are available on AWS only.', '/spec/cloud');
        const envId = requireString(requireChild(spec, '/spec/environment'), '/spec/environment/id');
        requireEnvironment(ctx, envId);
        const now = nowIso(ctx.clock);
        const id = freshId(ctx.ids, 'lkc', (x) => ctx.store.has('kafka-cluster', x));
        const base = { id, environmentId: envId, displayName, availability, cloud, region, clusterKind: config.kind, createdAt: now, updatedAt: now };
        const rec: KafkaClusterRecord = { ...base, ...(config.cku === undefined ? {} : { cku: config.cku }), ...(config.maxEcku === undefined ? {} : { maxEcku: config.maxEcku }) };
        ctx.store.insert('kafka-cluster', rec, envId);
        return { status: 202, body: renderCluster(ctx, req, rec) };
      },
    },
    {
      method: 'GET', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Describe'),
      handler: (req) => ({ status: 200, body: renderCluster(ctx, req, requireCluster(ctx, req.params['id'] ?? '', requireQuery(req.query, 'environment'))) }),
    },
    {
      method: 'PATCH', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Manage'),
      handler: (req) => {
        const spec = requireChild(requireObject(req.body), '/spec');
        const envChild = optionalChild(spec, '/spec/environment');
        const envId = envChild === undefined ? req.query.get('environment') ?? undefined : requireString(envChild, '/spec/environment/id');
        const c = requireCluster(ctx, req.params['id'] ?? '', envId);
        for (const field of ['availability', 'cloud', 'region'] as const) {
          const v = optionalString(spec, `/spec/${field}`);
          if (v !== undefined && v !== c[field]) throw new ApiError(400, 'invalid_input', `spec.${field} cannot be changed; create a new cluster instead.`, `/spec/${field}`);
        }
        const displayName = optionalString(spec, '/spec/display_name', { maxLength: 64 }) ?? c.displayName;
        let next: KafkaClusterRecord = { ...c, displayName, updatedAt: nowIso(ctx.clock) };
        if (optionalChild(spec, '/spec/config') !== undefined) {
          const config = readConfig(spec, c.availability, '/spec');
          const upgrade = c.clusterKind === 'Basic' && config.kind === 'Standard';
          const resize = c.clusterKind === 'Dedicated' && config.kind === 'Dedicated';
          if (config.kind !== c.clusterKind && !upgrade) {
            throw new ApiError(400, 'invalid_input', `Changing a ${c.clusterKind} cluster to ${config.kind} is not supported; only Basic to Standard is an in-place upgrade.`, '/spec/config/kind');
          }
          next = { ...next, clusterKind: config.kind };
          if (resize && config.cku !== undefined) next = { ...next, cku: config.cku };
          if (config.maxEcku !== undefined) next = { ...next, maxEcku: config.maxEcku };
        }
        ctx.store.update('kafka-cluster', next);
        return { status: 200, body: renderCluster(ctx, req, next) };
      },
    },
    {
      method: 'DELETE', pattern: `${BASE}/:id`, envelope: 'confluent', authz: authz(oneCrn, 'Manage'),
      handler: (req) => {
        const c = requireCluster(ctx, req.params['id'] ?? '', requireQuery(req.query, 'environment'));
        ctx.store.delete('kafka-cluster', c.id);
        ctx.hooks.onClusterDeleted?.(c.id);
        return { status: 204 };
      },
    },
  ];
}

/** `spec.environment.id` of a create body, or '' when absent (authorization then fails closed). */
export function bodyEnvId(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const spec = (body as { spec?: unknown }).spec;
  if (typeof spec !== 'object' || spec === null) return '';
  const env = (spec as { environment?: unknown }).environment;
  if (typeof env !== 'object' || env === null) return '';
  const id = (env as { id?: unknown }).id;
  return typeof id === 'string' ? id : '';
}
