/**
 * `confluent_kafka_acl` over Kafka REST v3 `<rest_endpoint>/kafka/v3/clusters/<id>/acls`.
 * Every argument forces replacement; the id encodes the binding
 * (`lkc-x/TOPIC#orders#LITERAL#User:sa-1#*#READ#ALLOW`) and doubles as the import id.
 * TODO(#3): the local cloud has no `/acls` route yet; when the server answers that the route
 * does not exist, the ACL is kept in state only (reported through progress). Remove the
 * fallback once the route exists.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { requireStr } from './attribute-access.js';
import { jarr, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, computed, credentialsBlock, idBlock, oneOf, required, restEndpoint } from './schema-blocks.js';
import { kafkaTarget, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

const FIELDS = ['resource_type', 'resource_name', 'pattern_type', 'principal', 'host', 'operation', 'permission'] as const;

function binding(attrs: ObjectValue): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) out[f] = requireStr(attrs, f);
  return out;
}

/** True for the local cloud's "no such route" answer (not a missing cluster). */
function routeMissing(status: number, body: unknown): boolean {
  const message = jstr(body, 'message') ?? '';
  return status === 404 && message.startsWith('No resource at');
}

async function exists(attrs: ObjectValue, rc: ResourceContext): Promise<boolean> {
  const { clusterId, target } = kafkaTarget(attrs, rc);
  const r = await rc.http.send(target, 'GET', `/kafka/v3/clusters/${seg(clusterId)}/acls`, { query: binding(attrs), accept: [404], signal: rc.ctx.signal });
  if (routeMissing(r.status, r.body)) return true;
  return r.status !== 404 && jarr(r.body, 'data').length > 0;
}

/** The `confluent_kafka_acl` resource. */
export const kafkaAclResource: ConfluentResource = {
  schema: {
    importId: 'lkc-xxxxx/<resource type>#<resource name>#<pattern type>#<principal>#<host>#<operation>#<permission>',
    attributes: {
      resource_type: required(T.string, REPLACE, { validate: oneOf(['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN']) }),
      resource_name: required(T.string, REPLACE),
      pattern_type: required(T.string, REPLACE, { validate: oneOf(['LITERAL', 'PREFIXED', 'MATCH', 'ANY']) }),
      principal: required(T.string, REPLACE),
      host: required(T.string, REPLACE),
      operation: required(T.string, REPLACE, { validate: oneOf(['UNKNOWN', 'ANY', 'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE']) }),
      permission: required(T.string, REPLACE, { validate: oneOf(['UNKNOWN', 'ANY', 'DENY', 'ALLOW']) }),
      rest_endpoint: restEndpoint(STATE_ONLY),
      id: computed(T.string),
    },
    blocks: { kafka_cluster: idBlock({ pattern: /^lkc-/, rule: 'start with lkc-' }), credentials: credentialsBlock(STATE_ONLY) },
  },
  async create(planned, rc) {
    const { clusterId, target } = kafkaTarget(planned, rc);
    const b = binding(planned);
    const r = await rc.http.send(target, 'POST', `/kafka/v3/clusters/${seg(clusterId)}/acls`, { body: b, accept: [404], signal: rc.ctx.signal });
    if (routeMissing(r.status, r.body)) rc.ctx.progress('the server has no Kafka ACL API: the ACL is kept in state only');
    else if (r.status === 404) throw new DiagnosticsError([errorDiag('confluent-not-found', `Kafka cluster ${clusterId} was not found at ${target.baseUrl}`)]);
    return { ...planned, id: `${clusterId}/${FIELDS.map((f) => b[f]).join('#')}` };
  },
  async read(state, rc) {
    return (await exists(state, rc)) ? state : null;
  },
  async delete(prior, rc) {
    const { clusterId, target } = kafkaTarget(prior, rc);
    await rc.http.send(target, 'DELETE', `/kafka/v3/clusters/${seg(clusterId)}/acls`, { query: binding(prior), accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const m = /^(lkc-[^/]+)\/(.+)$/.exec(id);
    const parts = m?.[2]?.split('#') ?? [];
    if (m === null || parts.length !== FIELDS.length) {
      throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: `Expected ${kafkaAclResource.schema.importId ?? ''}.` })]);
    }
    const state: Record<string, ObjectValue[string]> = { id, kafka_cluster: { id: m[1] ?? '' }, rest_endpoint: rc.env('IMPORT_KAFKA_REST_ENDPOINT') || null, credentials: null };
    const key = rc.env('IMPORT_KAFKA_API_KEY'), secret = rc.env('IMPORT_KAFKA_API_SECRET');
    if (key !== undefined && key !== '' && secret !== undefined) state.credentials = { key, secret };
    FIELDS.forEach((f, i) => { state[f] = parts[i] ?? ''; });
    return (await exists(state, rc)) ? state : null;
  },
};
