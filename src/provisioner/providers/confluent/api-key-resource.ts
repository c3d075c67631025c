/**
 * `confluent_api_key` over `iam/v2/api-keys`. The secret exists only in the create answer (and
 * API_KEY_SECRET at import). Readiness is observed, never slept on: Kafka keys until the
 * cluster's topic list answers with the new key, Cloud keys until environments answer with it;
 * SR and Flink keys are usable when the server answers (no fixed 60 s sleep).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { isObjectValue } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { NestedBlockSchema } from '../../provider/index.js';
import { block, blockId, bool, requireStr, str } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { jstr } from './json-access.js';
import { getCluster } from './kafka-cluster-resource.js';
import { T, REPLACE, STATE_ONLY, computed, matches, oneOf, optional, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

const PATH = '/iam/v2/api-keys';
const API_VERSIONS = ['cmk/v2', 'srcm/v2', 'srcm/v3', 'ksqldbcm/v2', 'fcpm/v2', 'tableflow/v1', 'global/v1'];

const owner: NestedBlockSchema = {
  nesting: 'single', maxItems: 1, minItems: 1, required: true, onChange: REPLACE,
  block: {
    attributes: {
      id: required(T.string, REPLACE, { validate: matches(/^(u-|sa-)/, 'start with u- or sa-') }),
      api_version: required(T.string, REPLACE, { validate: oneOf(['iam/v2']) }),
      kind: required(T.string, REPLACE, { validate: oneOf(['ServiceAccount', 'User']) }),
    },
  },
};

const group = (v: Value): string => (typeof v === 'string' ? v.split('/')[0] ?? v : '');

const managed: NestedBlockSchema = {
  nesting: 'single', maxItems: 1, onChange: { kind: 'replace-if', reason: 'an API key cannot move to another resource', when: (a, b) => !sameManaged(a, b) },
  block: {
    attributes: {
      id: required(T.string), api_version: required(T.string, REPLACE, { validate: oneOf(API_VERSIONS) }),
      kind: required(T.string, REPLACE, { validate: oneOf(['Cluster', 'Region', 'Tableflow', 'Global']) }),
    },
    blocks: { environment: { nesting: 'single', maxItems: 1, block: { attributes: { id: required(T.string) } } } },
  },
};

/** Same managed resource, ignoring api_version changes within one API group (srcm/v2 ≡ srcm/v3). */
function sameManaged(a: Value, b: Value): boolean {
  const x = Array.isArray(a) ? a[0] : a, y = Array.isArray(b) ? b[0] : b;
  if (!isObjectValue(x) || !isObjectValue(y)) return x === y;
  return x.id === y.id && x.kind === y.kind && group(x.api_version ?? null) === group(y.api_version ?? null) && blockId(x, 'environment') === blockId(y, 'environment');
}

function toState(body: unknown, base: ObjectValue, secret: string | undefined): ObjectValue {
  const res = block(base, 'managed_resource');
  return {
    ...base,
    id: jstr(body, 'id') ?? null,
    // Optional, not computed: an empty server value is "unset" (null), as in config.
    display_name: nonEmpty(jstr(body, 'spec.display_name')) ?? str(base, 'display_name') ?? null,
    description: nonEmpty(jstr(body, 'spec.description')) ?? str(base, 'description') ?? null,
    owner: { id: jstr(body, 'spec.owner.id') ?? blockId(base, 'owner') ?? '', api_version: 'iam/v2', kind: jstr(body, 'spec.owner.kind') ?? str(block(base, 'owner'), 'kind') ?? 'ServiceAccount' },
    managed_resource: jstr(body, 'spec.resource.id') === undefined ? res ?? null : {
      id: jstr(body, 'spec.resource.id') ?? '',
      api_version: str(res, 'api_version') ?? jstr(body, 'spec.resource.api_version') ?? '',
      kind: jstr(body, 'spec.resource.kind') ?? str(res, 'kind') ?? '',
      environment: (jstr(body, 'spec.resource.environment') ?? blockId(res, 'environment')) !== undefined ? { id: jstr(body, 'spec.resource.environment') ?? blockId(res, 'environment') ?? '' } : null,
    },
    secret: secret ?? str(base, 'secret') ?? null,
    disable_wait_for_ready: bool(base, 'disable_wait_for_ready') ?? false,
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === '' ? undefined : v;
}

async function getKey(id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

async function waitUsable(planned: ObjectValue, key: string, secret: string, rc: ResourceContext): Promise<void> {
  const res = block(planned, 'managed_resource');
  const credentials = { key, secret };
  let probe: { baseUrl: string; path: string } | undefined;
  if (res === undefined) probe = { baseUrl: rc.settings.endpoint, path: '/org/v2/environments' };
  else if (str(res, 'api_version') === 'cmk/v2') {
    const envId = blockId(res, 'environment');
    const cluster = envId !== undefined ? await getCluster(envId, str(res, 'id') ?? '', rc) : null;
    const rest = jstr(cluster, 'spec.http_endpoint');
    if (rest !== undefined) probe = { baseUrl: rest, path: `/kafka/v3/clusters/${seg(str(res, 'id') ?? '')}/topics` };
  }
  if (probe === undefined) return;
  const p = probe;
  await pollUntil(rc, async () => {
    const r = await rc.http.send({ baseUrl: p.baseUrl, credentials }, 'GET', p.path, { accept: [401, 403], signal: rc.ctx.signal });
    return r.status < 300 ? { done: true, value: undefined } : { done: false, status: `HTTP ${r.status}` };
  }, { what: `API key ${key} to be usable`, timeoutMs: 5 * 60 * 1000 });
}

/** The `confluent_api_key` resource. */
export const apiKeyResource: ConfluentResource = {
  schema: {
    importId: 'env-xxxxx/<key> or <key> (with API_KEY_SECRET set)',
    attributes: {
      display_name: optional(T.string, { kind: 'update' }, { validate: (v) => (v === '' ? 'must not be empty when set' : undefined) }),
      description: optional(T.string, { kind: 'update' }, { validate: (v) => (v === '' ? 'must not be empty when set' : undefined) }),
      disable_wait_for_ready: optional(T.bool, STATE_ONLY, { default: false }),
      id: computed(T.string), secret: computed(T.string, { sensitive: true }),
    },
    blocks: { owner, managed_resource: managed },
  },
  plan(draft, req) {
    if (req.prior !== null && sameManaged(req.prior.managed_resource ?? null, draft.managed_resource ?? null)) draft.managed_resource = req.prior.managed_resource ?? null;
  },
  async create(planned, rc) {
    const spec: Record<string, unknown> = { owner: { id: requireStr(block(planned, 'owner') ?? {}, 'id') } };
    const name = str(planned, 'display_name'), description = str(planned, 'description');
    if (name !== undefined) spec.display_name = name;
    if (description !== undefined) spec.description = description;
    const res = block(planned, 'managed_resource');
    if (res !== undefined) {
      const r: Record<string, unknown> = { id: str(res, 'id'), api_version: str(res, 'api_version'), kind: str(res, 'kind') };
      const env = blockId(res, 'environment');
      if (env !== undefined) r.environment = env;
      spec.resource = r;
    }
    const r = await rc.http.send(controlPlane(rc), 'POST', PATH, { body: { spec }, signal: rc.ctx.signal });
    const id = jstr(r.body, 'id'), secret = jstr(r.body, 'spec.secret');
    if (id === undefined || secret === undefined) throw new DiagnosticsError([errorDiag('confluent-bad-response', 'POST /iam/v2/api-keys returned no id or secret')]);
    if (bool(planned, 'disable_wait_for_ready') !== true) await waitUsable(planned, id, secret, rc);
    return toState(r.body, planned, secret);
  },
  async read(state, rc) {
    const body = await getKey(requireStr(state, 'id'), rc);
    return body === null ? null : toState(body, state, undefined);
  },
  async update(prior, planned, rc) {
    const spec = { display_name: str(planned, 'display_name') ?? '', description: str(planned, 'description') ?? '' };
    const r = await rc.http.send(controlPlane(rc), 'PATCH', `${PATH}/${seg(requireStr(prior, 'id'))}`, { body: { spec }, signal: rc.ctx.signal });
    return toState(r.body, { ...planned, secret: prior.secret ?? null }, undefined);
  },
  async delete(prior, rc) {
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(requireStr(prior, 'id'))}`, { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const secret = rc.env('API_KEY_SECRET');
    if (secret === undefined || secret === '') {
      throw new DiagnosticsError([errorDiag('confluent-import-env', 'Importing an API key needs the API_KEY_SECRET environment variable', { detail: 'The secret cannot be read back from Confluent Cloud.' })]);
    }
    const m = /^(?:(env-[^/]+)\/)?([^/]+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected env-xxxxx/<key> or <key>.' })]);
    const body = await getKey(m[2] ?? '', rc);
    if (body === null) return null;
    const res = jstr(body, 'spec.resource.id');
    const base: ObjectValue = {
      disable_wait_for_ready: false,
      managed_resource: res === undefined ? null : {
        id: res, api_version: jstr(body, 'spec.resource.api_version') ?? '', kind: jstr(body, 'spec.resource.kind') ?? '',
        environment: m[1] !== undefined ? { id: m[1] } : null,
      },
    };
    return toState(body, base, secret);
  },
};
