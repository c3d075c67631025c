/**
 * `confluent_kafka_cluster` over `cmk/v2/clusters`. Exactly one cluster-type block; availability
 * SINGLE_ZONE≡LOW and MULTI_ZONE≡HIGH diffs are suppressed; Basic→Standard is in place and every
 * other type change is rejected at plan (the official provider silently no-ops some of them).
 * Create and resize poll until PROVISIONED.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { NestedBlockSchema, ResourceSchema } from '../../provider/index.js';
import { block, blockId, bool, num, requireBlockId, requireStr, str } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { PartialApplyError } from './partial-apply-error.js';
import { clusterState, clusterTypeOf, CLUSTER_TYPES } from './kafka-cluster-state.js';
import { getEnvironment } from './environment-resource.js';
import { jarr, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, computed, idBlock, notEmpty, oneOf, optional, optionalComputed, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

const ecku = (extra: Record<string, ReturnType<typeof computed>> = {}): NestedBlockSchema => ({
  nesting: 'single', maxItems: 1, block: { attributes: { max_ecku: optionalComputed(T.number), ...extra } },
});

const AVAILABILITY = ['SINGLE_ZONE', 'MULTI_ZONE', 'LOW', 'HIGH'];

const schema: ResourceSchema = {
  importId: 'env-xxxxx/lkc-xxxxx',
  attributes: {
    display_name: required(T.string, { kind: 'update' }, { validate: notEmpty }),
    availability: required(T.string, { kind: 'replace-if', when: (a, b) => !sameAvailability(a, b), reason: 'availability cannot change in place' }, { validate: oneOf(AVAILABILITY) }),
    cloud: required(T.string, REPLACE, { validate: oneOf(['AWS', 'AZURE', 'GCP']) }),
    region: required(T.string, REPLACE, { validate: notEmpty }),
    deletion_protection: optional(T.bool, STATE_ONLY, { default: false }),
    id: computed(T.string), api_version: computed(T.string), kind: computed(T.string),
    bootstrap_endpoint: computed(T.string), rest_endpoint: computed(T.string), rbac_crn: computed(T.string),
    endpoints: computed(T.list(T.object({ access_point_id: T.string, bootstrap_endpoint: T.string, rest_endpoint: T.string, connection_type: T.string }))),
  },
  blocks: {
    environment: idBlock({ required: true, pattern: /^env-/, rule: 'start with env-' }),
    network: idBlock({ computed: true, pattern: /^(n-|nr-)/, rule: 'start with n- or nr-' }),
    byok_key: idBlock({ computed: true }),
    basic: ecku(), standard: ecku(), enterprise: ecku(), freight: ecku({ zones: computed(T.list(T.string)) }),
    dedicated: {
      nesting: 'single', maxItems: 1,
      block: { attributes: { cku: required(T.number), encryption_key: optionalComputed(T.string, REPLACE), zones: computed(T.list(T.string)) } },
    },
  },
};

/** SINGLE_ZONE≡LOW and MULTI_ZONE≡HIGH. */
export function sameAvailability(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (v === 'SINGLE_ZONE' ? 'LOW' : v === 'MULTI_ZONE' ? 'HIGH' : v);
  return norm(a) === norm(b);
}

const PATH = '/cmk/v2/clusters';

/** GET a cluster; null on 404. */
export async function getCluster(envId: string, id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { query: { environment: envId }, accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

async function waitProvisioned(envId: string, id: string, rc: ResourceContext, check: (body: unknown) => boolean = () => true): Promise<unknown> {
  return pollUntil(rc, async () => {
    const body = await getCluster(envId, id, rc);
    if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Kafka cluster ${id} disappeared while provisioning`)]);
    const phase = jstr(body, 'status.phase') ?? 'UNKNOWN';
    if (phase === 'FAILED') {
      // The cluster exists: record it (tainted) so the next apply replaces it, as the official provider does.
      throw new PartialApplyError({ ...clusterState(body), deletion_protection: false }, [errorDiag('confluent-provisioning-failed', `Kafka cluster ${id} failed to provision`, { detail: jstr(body, 'status.error_message') })]);
    }
    return phase === 'PROVISIONED' && check(body) ? { done: true, value: body } : { done: false, status: phase };
  }, { what: `Kafka cluster ${id} to be PROVISIONED` });
}

/**
 * Like the official provider: when the environment has a Stream Governance package, wait until
 * its Schema Registry cluster is listed (and not PROVISIONING), so SR data sources that depend on
 * the cluster find it.
 */
async function waitForSchemaRegistry(envId: string, rc: ResourceContext): Promise<void> {
  const env = await getEnvironment(envId, rc);
  if (jstr(env, 'stream_governance_config.package') === undefined) return;
  await pollUntil(rc, async () => {
    const list = await rc.http.send(controlPlane(rc), 'GET', '/srcm/v3/clusters', { query: { environment: envId }, signal: rc.ctx.signal });
    const phases = jarr(list.body, 'data').map((c) => jstr(c, 'status.phase') ?? 'PROVISIONED');
    return phases.some((ph) => ph === 'PROVISIONED') ? { done: true, value: undefined } : { done: false, status: phases[0] ?? 'not listed yet' };
  }, { what: `the Schema Registry cluster of ${envId}` });
}

function specConfig(planned: ObjectValue): Record<string, unknown> {
  const kind = clusterTypeOf(planned);
  const b = kind !== undefined ? block(planned, kind.toLowerCase()) : undefined;
  const cfg: Record<string, unknown> = { kind: kind ?? 'Basic' };
  const cku = num(b, 'cku'), maxEcku = num(b, 'max_ecku'), key = str(b, 'encryption_key');
  if (cku !== undefined) cfg.cku = cku;
  if (maxEcku !== undefined) cfg.max_ecku = maxEcku;
  if (key !== undefined) cfg.encryption_key = key;
  return cfg;
}

function withLocal(state: ObjectValue, planned: ObjectValue): ObjectValue {
  // deletion_protection is enforced client-side; availability keeps the user's spelling.
  const availability = sameAvailability(state.availability, planned.availability) ? planned.availability ?? null : state.availability ?? null;
  return { ...state, availability, deletion_protection: bool(planned, 'deletion_protection') ?? false };
}

/** The `confluent_kafka_cluster` resource. */
export const kafkaClusterResource: ConfluentResource = {
  schema,
  validate(config) {
    const set = CLUSTER_TYPES.filter((t) => config[t.toLowerCase()] !== null && config[t.toLowerCase()] !== undefined && !isUnknown(config[t.toLowerCase()]));
    // A block whose presence is unknown (a dynamic block at validate) may be the one, or absent.
    const maybe = CLUSTER_TYPES.filter((t) => isUnknown(config[t.toLowerCase()]));
    const out: Diagnostic[] = [];
    if (set.length > 1 || (set.length === 0 && maybe.length === 0)) {
      out.push(errorDiag('confluent-cluster-type', 'Exactly one of basic, standard, enterprise, freight or dedicated must be set', { detail: set.length > 1 ? `Got: ${set.map((t) => t.toLowerCase()).join(', ')}.` : undefined }));
    }
    const dedicated = block(config, 'dedicated');
    const cku = num(dedicated, 'cku');
    if (dedicated !== undefined && cku !== undefined) {
      const multi = config.availability === 'MULTI_ZONE' || config.availability === 'HIGH';
      if (cku < (multi ? 2 : 1)) out.push(errorDiag('confluent-cluster-cku', `dedicated.cku must be at least ${multi ? 2 : 1} for ${multi ? 'multi-zone' : 'single-zone'} clusters`));
    }
    if (config.byok_key !== null && config.byok_key !== undefined && (set.includes('Basic') || set.includes('Standard'))) {
      out.push(errorDiag('confluent-cluster-byok', 'byok_key cannot be used with basic or standard clusters'));
    }
    return out;
  },
  plan(draft, req) {
    const prior = req.prior;
    if (prior === null) return;
    if (!isUnknown(draft.availability) && sameAvailability(prior.availability, draft.availability)) draft.availability = prior.availability ?? null;
    const from = clusterTypeOf(prior), to = clusterTypeOf(draft);
    if (from === undefined || to === undefined || from === to) return;
    if (from === 'Basic' && to === 'Standard') return;
    return {
      diagnostics: [errorDiag('confluent-cluster-type-change', `Cannot change the cluster type from ${from} to ${to}`, {
        detail: 'Only Basic → Standard is an in-place upgrade. Create a new confluent_kafka_cluster resource instead (the official provider would leave a diff that never goes away).',
      })],
    };
  },
  async create(planned, rc) {
    const envId = requireBlockId(planned, 'environment');
    const spec: Record<string, unknown> = {
      display_name: requireStr(planned, 'display_name'), availability: requireStr(planned, 'availability'),
      cloud: requireStr(planned, 'cloud'), region: requireStr(planned, 'region'),
      config: specConfig(planned), environment: { id: envId },
    };
    const network = blockId(planned, 'network'), byok = blockId(planned, 'byok_key');
    if (network !== undefined) spec.network = { id: network };
    if (byok !== undefined) spec.byok = { id: byok };
    const r = await rc.http.send(controlPlane(rc), 'POST', PATH, { body: { spec }, signal: rc.ctx.signal });
    const id = jstr(r.body, 'id');
    if (id === undefined) throw new DiagnosticsError([errorDiag('confluent-bad-response', 'POST /cmk/v2/clusters returned no id')]);
    rc.ctx.progress(`created Kafka cluster ${id}`);
    const body = await waitProvisioned(envId, id, rc);
    await waitForSchemaRegistry(envId, rc);
    return withLocal(clusterState(body), planned);
  },
  async read(state, rc) {
    const body = await getCluster(requireBlockId(state, 'environment'), requireStr(state, 'id'), rc);
    return body === null ? null : withLocal(clusterState(body), state);
  },
  async update(prior, planned, rc) {
    const envId = requireBlockId(prior, 'environment'), id = requireStr(prior, 'id');
    const spec = { display_name: requireStr(planned, 'display_name'), config: specConfig(planned), environment: { id: envId } };
    await rc.http.send(controlPlane(rc), 'PATCH', `${PATH}/${seg(id)}`, { body: { spec }, signal: rc.ctx.signal });
    const cku = num(block(planned, 'dedicated'), 'cku');
    const body = await waitProvisioned(envId, id, rc, (b) => cku === undefined || num(clusterState(b).dedicated as ObjectValue, 'cku') === cku);
    return withLocal(clusterState(body), planned);
  },
  async delete(prior, rc) {
    if (bool(prior, 'deletion_protection') === true) {
      throw new DiagnosticsError([errorDiag('confluent-deletion-protected', `Kafka cluster ${str(prior, 'id') ?? ''} has deletion_protection = true`, { detail: 'Set deletion_protection = false and apply before destroying it.' })]);
    }
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(requireStr(prior, 'id'))}`, { query: { environment: requireBlockId(prior, 'environment') }, accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const m = /^(env-[^/]+)\/(lkc-[^/]+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected env-xxxxx/lkc-xxxxx.' })]);
    const body = await getCluster(m[1] ?? '', m[2] ?? '', rc);
    return body === null ? null : { ...clusterState(body), deletion_protection: false };
  },
};

