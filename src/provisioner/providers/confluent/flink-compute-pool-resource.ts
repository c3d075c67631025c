/**
 * `confluent_flink_compute_pool` (resource and data source) over `fcpm/v2/compute-pools`.
 * Create polls until PROVISIONED (FAILED is an error); delete polls until the pool 404s.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { bool, num, requireBlockId, requireStr, str } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { PartialApplyError } from './partial-apply-error.js';
import { jbool, jnum, jstr } from './json-access.js';
import { exactlyOneOf, findOneByName } from './lookup.js';
import { T, REPLACE, computed, idBlock, notEmpty, oneOf, optional, optionalComputed, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentDataSource, ConfluentResource, ResourceContext } from './types.js';

const PATH = '/fcpm/v2/compute-pools';

const schema: ResourceSchema = {
  importId: 'env-xxxxx/lfcp-xxxxx',
  attributes: {
    display_name: required(T.string, { kind: 'update' }, { validate: notEmpty }),
    cloud: required(T.string, { kind: 'replace-if', when: (a, b) => String(a).toUpperCase() !== String(b).toUpperCase(), reason: 'a compute pool cannot move to another cloud' }, { validate: oneOf(['AWS', 'AZURE', 'GCP']) }),
    region: required(T.string, REPLACE, { validate: notEmpty }),
    max_cfu: optionalComputed(T.number),
    default_pool: optional(T.bool, { kind: 'update' }, { default: false }),
    id: computed(T.string), api_version: computed(T.string), kind: computed(T.string), resource_name: computed(T.string),
  },
  blocks: { environment: idBlock({ required: true, pattern: /^env-/, rule: 'start with env-' }) },
};

function toState(body: unknown): ObjectValue {
  return {
    id: jstr(body, 'id') ?? null, api_version: jstr(body, 'api_version') ?? 'fcpm/v2', kind: jstr(body, 'kind') ?? 'ComputePool',
    display_name: jstr(body, 'spec.display_name') ?? null, cloud: jstr(body, 'spec.cloud') ?? null, region: jstr(body, 'spec.region') ?? null,
    max_cfu: jnum(body, 'spec.max_cfu') ?? null, default_pool: jbool(body, 'spec.default_pool') ?? false,
    resource_name: jstr(body, 'metadata.resource_name') ?? null, environment: { id: jstr(body, 'spec.environment.id') ?? '' },
  };
}

/** GET a pool; null on 404. */
async function getPool(envId: string, id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { query: { environment: envId }, accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

async function waitProvisioned(envId: string, id: string, rc: ResourceContext): Promise<unknown> {
  return pollUntil(rc, async () => {
    const body = await getPool(envId, id, rc);
    if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Compute pool ${id} disappeared while provisioning`)]);
    const phase = jstr(body, 'status.phase') ?? 'PROVISIONING';
    if (phase === 'FAILED') throw new PartialApplyError(toState(body), [errorDiag('confluent-provisioning-failed', `Compute pool ${id} failed to provision`)]);
    return phase === 'PROVISIONED' ? { done: true, value: body } : { done: false, status: phase };
  }, { what: `compute pool ${id} to be PROVISIONED` });
}

/** Keeps the user's spelling of cloud (diffs ignore case). */
function keepCloud(state: ObjectValue, planned: ObjectValue): ObjectValue {
  const cloud = str(planned, 'cloud');
  return cloud !== undefined && cloud.toUpperCase() === str(state, 'cloud')?.toUpperCase() ? { ...state, cloud } : state;
}

/** The `confluent_flink_compute_pool` resource. */
export const flinkComputePoolResource: ConfluentResource = {
  schema,
  async create(planned, rc) {
    const envId = requireBlockId(planned, 'environment');
    const spec: Record<string, unknown> = {
      display_name: requireStr(planned, 'display_name'), cloud: requireStr(planned, 'cloud'), region: requireStr(planned, 'region'),
      max_cfu: num(planned, 'max_cfu') ?? 0, environment: { id: envId },
    };
    if (bool(planned, 'default_pool') === true) spec.default_pool = true;
    const r = await rc.http.send(controlPlane(rc), 'POST', PATH, { body: { spec }, signal: rc.ctx.signal });
    const id = jstr(r.body, 'id');
    if (id === undefined) throw new DiagnosticsError([errorDiag('confluent-bad-response', 'POST /fcpm/v2/compute-pools returned no id')]);
    return keepCloud(toState(await waitProvisioned(envId, id, rc)), planned);
  },
  async read(state, rc) {
    const body = await getPool(requireBlockId(state, 'environment'), requireStr(state, 'id'), rc);
    return body === null ? null : keepCloud(toState(body), state);
  },
  async update(prior, planned, rc) {
    const envId = requireBlockId(prior, 'environment'), id = requireStr(prior, 'id');
    const spec: Record<string, unknown> = { display_name: requireStr(planned, 'display_name'), environment: { id: envId }, default_pool: bool(planned, 'default_pool') ?? false };
    const cfu = num(planned, 'max_cfu');
    if (cfu !== undefined) spec.max_cfu = cfu;
    await rc.http.send(controlPlane(rc), 'PATCH', `${PATH}/${seg(id)}`, { body: { spec }, signal: rc.ctx.signal });
    return keepCloud(toState(await waitProvisioned(envId, id, rc)), planned);
  },
  async delete(prior, rc) {
    const envId = requireBlockId(prior, 'environment'), id = requireStr(prior, 'id');
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(id)}`, { query: { environment: envId }, accept: [404], signal: rc.ctx.signal });
    await pollUntil(rc, async () => ((await getPool(envId, id, rc)) === null ? { done: true, value: undefined } : { done: false, status: 'DEPROVISIONING' }), { what: `compute pool ${id} to be deleted` });
  },
  async import(id, rc) {
    const m = /^(env-[^/]+)\/(lfcp-[^/]+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected env-xxxxx/lfcp-xxxxx.' })]);
    const body = await getPool(m[1] ?? '', m[2] ?? '', rc);
    return body === null ? null : toState(body);
  },
};

/** The `confluent_flink_compute_pool` data source: environment plus exactly one of id or display_name. */
export const flinkComputePoolDataSource: ConfluentDataSource = {
  schema: {
    attributes: {
      id: optionalComputed(T.string), display_name: optionalComputed(T.string),
      cloud: computed(T.string), region: computed(T.string), max_cfu: computed(T.number), default_pool: computed(T.bool),
      api_version: computed(T.string), kind: computed(T.string), resource_name: computed(T.string),
    },
    blocks: { environment: idBlock({ required: true }) },
  },
  validate: (config) => exactlyOneOf(config, ['id', 'display_name']),
  async read(config, rc) {
    const envId = requireBlockId(config, 'environment');
    const id = str(config, 'id');
    if (id !== undefined) {
      const body = await getPool(envId, id, rc);
      if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Compute pool ${id} was not found in ${envId}`)]);
      return toState(body);
    }
    return toState(await findOneByName(rc, controlPlane(rc), PATH, { environment: envId }, requireStr(config, 'display_name'), 'compute pool'));
  },
};
