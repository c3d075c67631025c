/**
 * `confluent_kafka_topic` over Kafka REST v3 at `<rest_endpoint>/kafka/v3/clusters/<id>/topics`.
 * Partitions increase in place and decrease by replacement; config keys on the editable list
 * change in place and any other config change is rejected at plan (the official provider only
 * fails at apply). Read returns the live partition count and the dynamic configs, so changes
 * made elsewhere show up as drift.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { isObjectValue, isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { mapValue, num, requireStr, stringMap } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { jarr, jbool, jnum, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, computed, credentialsBlock, idBlock, matches, optional, optionalComputed, required, restEndpoint } from './schema-blocks.js';
import { kafkaTarget, seg } from './targets.js';
import { recordPlannedTopic } from './flink-statement-validation.js';
import type { ConfluentResource, ResourceContext, Target } from './types.js';

/** Topic configs the official provider updates in place. */
export const EDITABLE_TOPIC_CONFIGS: readonly string[] = [
  'cleanup.policy', 'delete.retention.ms', 'max.message.bytes', 'max.compaction.lag.ms',
  'message.timestamp.after.max.ms', 'message.timestamp.before.max.ms', 'message.timestamp.difference.max.ms',
  'message.timestamp.type', 'min.compaction.lag.ms', 'min.insync.replicas', 'retention.bytes', 'retention.ms',
  'segment.bytes', 'segment.ms', 'confluent.key.schema.validation', 'confluent.value.schema.validation',
  'confluent.key.subject.name.strategy', 'confluent.value.subject.name.strategy', 'confluent.schema.validation.context.name',
];

const schema: ResourceSchema = {
  importId: 'lkc-xxxxx/<topic name>',
  attributes: {
    topic_name: required(T.string, REPLACE, { validate: matches(/^[a-zA-Z0-9._-]{1,249}$/, 'match ^[a-zA-Z0-9._-]+$ and be at most 249 characters') }),
    partitions_count: optional(T.number, { kind: 'replace-if', when: (a, b) => typeof a === 'number' && typeof b === 'number' && b < a, reason: 'the partition count of a topic can only grow; a decrease recreates the topic' }, {
      default: 6, validate: (v) => (typeof v === 'number' && v < 1 ? 'must be at least 1' : undefined),
    }),
    config: optionalComputed(T.map(T.string)),
    rest_endpoint: restEndpoint(STATE_ONLY),
    id: computed(T.string),
  },
  blocks: {
    kafka_cluster: idBlock({ pattern: /^lkc-/, rule: 'start with lkc-' }),
    credentials: credentialsBlock(STATE_ONLY),
  },
};

function topicsPath(clusterId: string): string {
  return `/kafka/v3/clusters/${seg(clusterId)}/topics`;
}

/** The live topic (partitions and dynamic configs), or null on 404. */
export async function readTopic(target: Target, clusterId: string, name: string, rc: ResourceContext): Promise<{ partitions: number; configs: Record<string, string> } | null> {
  const t = await rc.http.send(target, 'GET', `${topicsPath(clusterId)}/${seg(name)}`, { accept: [404], signal: rc.ctx.signal });
  if (t.status === 404) return null;
  const c = await rc.http.send(target, 'GET', `${topicsPath(clusterId)}/${seg(name)}/configs`, { accept: [404], signal: rc.ctx.signal });
  if (c.status === 404) return null;
  const configs: Record<string, string> = {};
  for (const e of jarr(c.body, 'data')) {
    const key = jstr(e, 'name'), value = jstr(e, 'value');
    const source = jstr(e, 'source');
    const dynamic = source !== undefined ? source === 'DYNAMIC_TOPIC_CONFIG' : jbool(e, 'is_default') === false;
    if (key !== undefined && value !== undefined && dynamic) configs[key] = value;
  }
  return { partitions: jnum(t.body, 'partitions_count') ?? 0, configs };
}

function toState(base: ObjectValue, clusterId: string, name: string, live: { partitions: number; configs: Record<string, string> }): ObjectValue {
  return { ...base, id: `${clusterId}/${name}`, topic_name: name, partitions_count: live.partitions, config: mapValue(live.configs) };
}

/** The `confluent_kafka_topic` resource. */
export const kafkaTopicResource: ConfluentResource = {
  schema,
  plan(draft, req, rc, replacing) {
    if (req.prior === null || replacing) { recordPlannedTopic(draft, rc); return; }
    const before = stringMap(req.prior, 'config');
    const after = draft.config;
    if (!isObjectValue(after)) return;
    const bad: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const a = after[key];
      if (isUnknown(a) || before[key] === a || EDITABLE_TOPIC_CONFIGS.includes(key)) continue;
      bad.push(`${key} (${before[key] === undefined ? 'added' : a === undefined ? 'removed' : 'changed'})`);
    }
    if (bad.length === 0) return;
    const diagnostics: Diagnostic[] = [errorDiag('confluent-topic-config-not-editable', `Topic config ${bad.sort().join(', ')} cannot be changed in place`, {
      detail: `Only these keys can be updated: ${EDITABLE_TOPIC_CONFIGS.join(', ')}. Recreate the topic (for example with a new topic_name) to change the others.`,
    })];
    return { diagnostics };
  },
  async create(planned, rc) {
    const { clusterId, target } = kafkaTarget(planned, rc);
    const name = requireStr(planned, 'topic_name');
    const configs = Object.entries(stringMap(planned, 'config')).map(([k, v]) => ({ name: k, value: v }));
    await rc.http.send(target, 'POST', topicsPath(clusterId), { body: { topic_name: name, partitions_count: num(planned, 'partitions_count') ?? 6, configs }, signal: rc.ctx.signal });
    const live = await readTopic(target, clusterId, name, rc);
    if (live === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Topic ${name} was created but cannot be read back`)]);
    return toState(planned, clusterId, name, live);
  },
  async read(state, rc) {
    const { clusterId, target } = kafkaTarget(state, rc);
    const name = requireStr(state, 'topic_name');
    const live = await readTopic(target, clusterId, name, rc);
    return live === null ? null : toState(state, clusterId, name, live);
  },
  async update(prior, planned, rc) {
    const { clusterId, target } = kafkaTarget(planned, rc);
    const name = requireStr(prior, 'topic_name');
    const path = `${topicsPath(clusterId)}/${seg(name)}`;
    const fromCount = num(prior, 'partitions_count'), toCount = num(planned, 'partitions_count');
    if (toCount !== undefined && toCount !== fromCount) {
      await rc.http.send(target, 'PATCH', path, { body: { partitions_count: toCount }, signal: rc.ctx.signal });
    }
    if (isObjectValue(planned.config)) {
      const before = stringMap(prior, 'config'), after = stringMap(planned, 'config');
      const data: Record<string, string>[] = [];
      for (const [k, v] of Object.entries(after)) if (before[k] !== v) data.push({ name: k, value: v });
      for (const k of Object.keys(before)) if (!(k in after)) data.push({ name: k, operation: 'DELETE' });
      if (data.length > 0) await rc.http.send(target, 'POST', `${path}/configs:alter`, { body: { data }, signal: rc.ctx.signal });
    }
    const live = await readTopic(target, clusterId, name, rc);
    if (live === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Topic ${name} disappeared during update`)]);
    return toState(planned, clusterId, name, live);
  },
  async delete(prior, rc) {
    const { clusterId, target } = kafkaTarget(prior, rc);
    const name = requireStr(prior, 'topic_name');
    const path = `${topicsPath(clusterId)}/${seg(name)}`;
    await rc.http.send(target, 'DELETE', path, { accept: [404], signal: rc.ctx.signal });
    await pollUntil(rc, async () => {
      const r = await rc.http.send(target, 'GET', path, { accept: [404], signal: rc.ctx.signal });
      return r.status === 404 ? { done: true, value: undefined } : { done: false, status: 'deleting' };
    }, { what: `topic ${name} to be deleted` });
  },
  async import(id, rc) {
    const m = /^(lkc-[^/]+)\/(.+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected lkc-xxxxx/<topic name>.' })]);
    const clusterId = m[1] ?? '', name = m[2] ?? '';
    const endpoint = rc.env('IMPORT_KAFKA_REST_ENDPOINT'), key = rc.env('IMPORT_KAFKA_API_KEY'), secret = rc.env('IMPORT_KAFKA_API_SECRET');
    const base: Record<string, ObjectValue[string]> = { kafka_cluster: { id: clusterId }, rest_endpoint: null, credentials: null };
    if (endpoint !== undefined && endpoint !== '') base.rest_endpoint = endpoint;
    if (key !== undefined && secret !== undefined && key !== '') base.credentials = { key, secret };
    if (base.rest_endpoint === null && rc.settings.kafka === undefined) {
      throw new DiagnosticsError([errorDiag('confluent-import-env', 'Importing a topic needs IMPORT_KAFKA_REST_ENDPOINT (and IMPORT_KAFKA_API_KEY/SECRET) or the provider-level kafka_* settings')]);
    }
    const { target } = kafkaTarget(base, rc);
    const live = await readTopic(target, clusterId, name, rc);
    return live === null ? null : toState(base, clusterId, name, live);
  },
};

