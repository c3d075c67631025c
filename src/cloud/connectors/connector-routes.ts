/**
 * `connect/v1/environments/:env/clusters/:cluster/connectors` and `…/connector-plugins`:
 * Confluent's managed-connector API over the ConnectorStore. Sensitive config values are masked
 * on read; `name` can never change.
 */
import type { Clock, IdSource } from '../../shared/index.js';
import type { HttpRequest, JsonObject, Route } from '../http/index.js';
import { ApiError, isObject, optionalString, requireObject } from '../http/index.js';
import { clusterCrn, connectorCrn, freshId } from '../control-plane/index.js';
import type { ConnectorStore } from './connector-store.js';
import { CONNECTOR_PLUGINS, findPlugin, validateConfig } from './plugin-catalog.js';
import type { ConnectorOffset, ConnectorRecord, ConnectorState } from './types.js';

/** What the connector routes need from the rest of the cloud (wired by server.ts). */
export interface ConnectorRoutesContext {
  readonly store: ConnectorStore;
  readonly orgId: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  /** True when `clusterId` exists in `envId`. */
  readonly clusterInEnvironment: (envId: string, clusterId: string) => boolean;
}

const MASK = '****************';

function nowIso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function readConfigMap(v: unknown, pointer: string): Record<string, string> {
  const obj = requireObject(v, pointer);
  const out: Record<string, string> = {};
  for (const k of Object.keys(obj).sort()) {
    const e = obj[k];
    if (typeof e === 'string') out[k] = e;
    else if (typeof e === 'number' || typeof e === 'boolean') out[k] = String(e);
    else throw new ApiError(400, 'invalid_input', `${pointer}/${k} must be a string.`, `${pointer}/${k}`);
  }
  return out;
}

function checkConfig(config: Record<string, string>, pointer: string): void {
  const cls = config['connector.class'];
  if (cls === undefined || cls === '') throw new ApiError(400, 'invalid_input', `${pointer}/connector.class is required.`, `${pointer}/connector.class`);
  const plugin = findPlugin(cls);
  if (plugin === undefined) throw new ApiError(400, 'invalid_input', `Connector class '${cls}' is not available; available: ${CONNECTOR_PLUGINS.map((p) => p.className).join(', ')}.`, `${pointer}/connector.class`);
  const problems = validateConfig(plugin, config);
  const first = [...problems.entries()].sort()[0];
  if (first !== undefined) throw new ApiError(400, 'invalid_input', first[1], `${pointer}/${first[0]}`);
}

function masked(config: { readonly [k: string]: string }): Record<string, string> {
  const plugin = findPlugin(config['connector.class'] ?? '');
  const out: Record<string, string> = {};
  for (const k of Object.keys(config).sort()) {
    const sensitive = plugin?.keys.find((key) => key.name === k)?.sensitive === true || k.endsWith('.secret') || k.endsWith('.password');
    out[k] = sensitive ? MASK : (config[k] ?? '');
  }
  return out;
}

function typeOf(c: ConnectorRecord): string {
  return findPlugin(c.config['connector.class'] ?? '')?.type ?? 'source';
}

function info(c: ConnectorRecord): Record<string, unknown> {
  return { name: c.name, config: masked(c.config), tasks: [{ connector: c.name, task: 0 }], type: typeOf(c) };
}

function status(c: ConnectorRecord): Record<string, unknown> {
  const connector: Record<string, unknown> = { state: c.state, worker_id: c.name };
  if (c.trace !== undefined) connector['trace'] = c.trace;
  const tasks = c.state === 'PROVISIONING' ? [] : [{ id: 0, state: c.state, worker_id: c.name }];
  return { name: c.name, connector, tasks, type: typeOf(c) };
}

/** The routes of the Connect v1 API. */
export function connectorRoutes(ctx: ConnectorRoutesContext): Route[] {
  const base = '/connect/v1/environments/:env/clusters/:cluster';
  const cluster = (req: HttpRequest): string => clusterCrn(ctx.orgId, req.params['env'] ?? '', req.params['cluster'] ?? '');
  const one = (req: HttpRequest): string => connectorCrn(ctx.orgId, req.params['env'] ?? '', req.params['cluster'] ?? '', req.params['name'] ?? '');
  const createCrn = (req: HttpRequest): string => {
    const name = isObject(req.body) && typeof req.body['name'] === 'string' ? req.body['name'] : '*';
    return connectorCrn(ctx.orgId, req.params['env'] ?? '', req.params['cluster'] ?? '', name);
  };
  const scope = (req: HttpRequest): string => {
    const env = req.params['env'] ?? '';
    const c = req.params['cluster'] ?? '';
    if (!ctx.clusterInEnvironment(env, c)) throw new ApiError(404, 'not_found', `Kafka cluster '${c}' not found in environment '${env}'.`);
    return c;
  };
  const requireConnector = (req: HttpRequest): ConnectorRecord => {
    const c = ctx.store.get(scope(req), req.params['name'] ?? '');
    if (c === undefined) throw new ApiError(404, 'not_found', `Connector ${req.params['name'] ?? ''} not found`);
    return c;
  };
  const insert = (clusterId: string, envId: string, name: string, config: Record<string, string>): ConnectorRecord => {
    const now = nowIso(ctx.clock);
    const rec: ConnectorRecord = {
      id: freshId(ctx.ids, 'lcc', (x) => ctx.store.hasId(x)), environmentId: envId, clusterId, name, config,
      state: ctx.store.runtimeAttached ? 'PROVISIONING' : 'RUNNING', offsets: [], createdAt: now, updatedAt: now,
    };
    if (!ctx.store.insert(rec)) throw new ApiError(409, 'conflict', `Connector ${name} already exists`, '/name');
    return rec;
  };
  const setState = (req: HttpRequest, state: ConnectorState): { status: number } => {
    const c = requireConnector(req);
    if (c.state === 'FAILED' || c.state === 'PROVISIONING') throw new ApiError(409, 'conflict', `Connector ${c.name} is ${c.state} and cannot be ${state === 'PAUSED' ? 'paused' : 'resumed'}.`);
    ctx.store.setState(c.clusterId, c.name, state, { now: nowIso(ctx.clock) });
    return { status: 202 };
  };
  return [
    {
      method: 'GET', pattern: `${base}/connectors`, envelope: 'confluent', authz: { crn: cluster, operation: 'Describe' },
      handler: (req) => {
        const all = ctx.store.list(scope(req));
        const expand = (req.query.get('expand') ?? '').split(',').filter((s) => s !== '');
        if (expand.length === 0) return { status: 200, body: all.map((c) => c.name) };
        const out: Record<string, unknown> = {};
        for (const c of all) {
          const entry: Record<string, unknown> = {};
          if (expand.includes('id')) entry['id'] = { id: c.id, id_type: 'ID' };
          if (expand.includes('info')) entry['info'] = info(c);
          if (expand.includes('status')) entry['status'] = status(c);
          out[c.name] = entry;
        }
        return { status: 200, body: out };
      },
    },
    {
      method: 'POST', pattern: `${base}/connectors`, envelope: 'confluent', authz: { crn: createCrn, operation: 'Manage' },
      handler: (req) => {
        const clusterId = scope(req);
        const body = requireObject(req.body);
        const config = readConfigMap(body['config'] ?? {}, '/config');
        const name = optionalString(body, '/name') ?? config['name'];
        if (name === undefined || name === '') throw new ApiError(400, 'invalid_input', '/name is required.', '/name');
        if (config['name'] !== undefined && config['name'] !== name) throw new ApiError(400, 'invalid_input', `config.name '${config['name']}' differs from name '${name}'.`, '/config/name');
        const full = { ...config, name };
        checkConfig(full, '/config');
        const rec = insert(clusterId, req.params['env'] ?? '', name, full);
        return { status: 201, body: info(rec) };
      },
    },
    {
      method: 'GET', pattern: `${base}/connectors/:name`, envelope: 'confluent', authz: { crn: one, operation: 'Describe' },
      handler: (req) => ({ status: 200, body: info(requireConnector(req)) }),
    },
    {
      method: 'GET', pattern: `${base}/connectors/:name/config`, envelope: 'confluent', authz: { crn: one, operation: 'Describe' },
      handler: (req) => ({ status: 200, body: masked(requireConnector(req).config) }),
    },
    {
      method: 'PUT', pattern: `${base}/connectors/:name/config`, envelope: 'confluent', authz: { crn: one, operation: 'Manage' },
      handler: (req) => {
        const clusterId = scope(req);
        const name = req.params['name'] ?? '';
        const config = readConfigMap(req.body, '');
        if (config['name'] !== undefined && config['name'] !== name) {
          throw new ApiError(400, 'invalid_input', `A connector cannot be renamed (config name '${config['name']}', connector '${name}').`, '/name');
        }
        const full = { ...config, name };
        checkConfig(full, '');
        const cur = ctx.store.get(clusterId, name);
        if (cur === undefined) return { status: 201, body: info(insert(clusterId, req.params['env'] ?? '', name, full)) };
        const next: ConnectorRecord = { ...cur, config: full, updatedAt: nowIso(ctx.clock) };
        ctx.store.update(next);
        return { status: 200, body: info(next) };
      },
    },
    {
      method: 'DELETE', pattern: `${base}/connectors/:name`, envelope: 'confluent', authz: { crn: one, operation: 'Manage' },
      handler: (req) => {
        const c = requireConnector(req);
        ctx.store.delete(c.clusterId, c.name);
        return { status: 200, body: {} };
      },
    },
    {
      method: 'GET', pattern: `${base}/connectors/:name/status`, envelope: 'confluent', authz: { crn: one, operation: 'Describe' },
      handler: (req) => ({ status: 200, body: status(requireConnector(req)) }),
    },
    { method: 'PUT', pattern: `${base}/connectors/:name/pause`, envelope: 'confluent', authz: { crn: one, operation: 'Manage' }, handler: (req) => setState(req, 'PAUSED') },
    { method: 'PUT', pattern: `${base}/connectors/:name/resume`, envelope: 'confluent', authz: { crn: one, operation: 'Manage' }, handler: (req) => setState(req, 'RUNNING') },
    {
      method: 'GET', pattern: `${base}/connectors/:name/offsets`, envelope: 'confluent', authz: { crn: one, operation: 'Describe' },
      handler: (req) => {
        const c = requireConnector(req);
        return { status: 200, body: { name: c.name, id: c.id, offsets: c.offsets, metadata: { observed_at: c.updatedAt } } };
      },
    },
    {
      method: 'POST', pattern: `${base}/connectors/:name/offsets/request`, envelope: 'confluent', authz: { crn: one, operation: 'Manage' },
      handler: (req) => {
        const c = requireConnector(req);
        const body = requireObject(req.body);
        const type = optionalString(body, '/type') ?? '';
        if (type !== 'PATCH' && type !== 'DELETE') throw new ApiError(400, 'invalid_input', "/type must be 'PATCH' or 'DELETE'.", '/type');
        const offsets = type === 'DELETE' ? [] : readOffsets(body['offsets']);
        const now = nowIso(ctx.clock);
        ctx.store.update({ ...c, offsets, lastOffsetsRequest: { type, offsets, previousOffsets: c.offsets, requestedAt: now }, updatedAt: now });
        return { status: 202, body: { id: c.id, name: c.name, offsets, requested_at: now, type } };
      },
    },
    {
      method: 'GET', pattern: `${base}/connectors/:name/offsets/request/status`, envelope: 'confluent', authz: { crn: one, operation: 'Describe' },
      handler: (req) => {
        const c = requireConnector(req);
        const r = c.lastOffsetsRequest;
        if (r === undefined) throw new ApiError(404, 'not_found', `Connector ${c.name} has no offsets request.`);
        return {
          status: 200,
          body: {
            request: { id: c.id, name: c.name, offsets: r.offsets, requested_at: r.requestedAt, type: r.type },
            status: { phase: 'APPLIED', message: 'The offsets were applied.' },
            previous_offsets: r.previousOffsets, applied_at: r.requestedAt,
          },
        };
      },
    },
    {
      method: 'GET', pattern: `${base}/connector-plugins`, envelope: 'confluent', authz: { crn: cluster, operation: 'Describe' },
      handler: (req) => {
        scope(req);
        return { status: 200, body: CONNECTOR_PLUGINS.map((p) => ({ class: p.className, type: p.type, version: p.version })) };
      },
    },
    {
      method: 'PUT', pattern: `${base}/connector-plugins/:plugin/config/validate`, envelope: 'confluent', authz: { crn: cluster, operation: 'Describe' },
      handler: (req) => {
        scope(req);
        const plugin = findPlugin(req.params['plugin'] ?? '');
        if (plugin === undefined) throw new ApiError(404, 'not_found', `Connector plugin '${req.params['plugin'] ?? ''}' not found.`);
        const config = readConfigMap(req.body, '');
        const problems = validateConfig(plugin, config);
        const configs = plugin.keys.map((k) => ({ value: { name: k.name, value: config[k.name] ?? null, recommended_values: k.allowed ?? [], errors: problems.has(k.name) ? [problems.get(k.name)] : [], visible: true } }));
        return { status: 200, body: { name: plugin.className, error_count: problems.size, groups: [], configs } };
      },
    },
  ];
}

function readOffsets(v: unknown): ConnectorOffset[] {
  if (!Array.isArray(v)) throw new ApiError(400, 'invalid_input', '/offsets must be an array.', '/offsets');
  return v.map((e: unknown, i) => {
    if (!isObject(e) || !isObject(e['partition']) || !isObject(e['offset'])) throw new ApiError(400, 'invalid_input', `/offsets/${i} needs partition and offset objects.`, `/offsets/${i}`);
    return { partition: e['partition'] as JsonObject, offset: e['offset'] as JsonObject };
  });
}
