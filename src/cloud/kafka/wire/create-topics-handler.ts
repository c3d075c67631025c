/**
 * CreateTopics (v0–5) through the topic-log store, which validates names, partition counts and
 * configs. Replication is simulated: -1 or 1–3 are accepted and 3 is reported, as on Confluent Cloud.
 */
import { effectiveConfigs } from '../topic-configs.js';
import type { EffectiveConfig } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import { configSourceCode } from './describe-configs-handler.js';
import type { WireRequest, WireResponse, WireServices } from './types.js';

const REPLICATION_FACTOR = 3;

interface TopicRequest {
  readonly name: string;
  readonly numPartitions: number;
  readonly replicationFactor: number;
  readonly assignments: number;
  readonly configs: { readonly [name: string]: string };
}

interface TopicResult {
  readonly name: string;
  readonly error: number;
  readonly message: string | null;
  readonly partitions: number;
  readonly configs: readonly EffectiveConfig[] | null;
}

/** Answers CreateTopics. */
export function handleCreateTopics(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const topics = r.array((x): TopicRequest => {
    const name = x.string();
    const numPartitions = x.int32();
    const replicationFactor = x.int16();
    const assignments = x.array((y) => { y.int32(); y.array((z) => z.int32()); y.tags(); return 0; }).length;
    const configs: { [name: string]: string } = {};
    x.array((y) => {
      const k = y.string();
      const value = y.nullableString();
      y.tags();
      if (value !== null) configs[k] = value;
    });
    x.tags();
    return { name, numPartitions, replicationFactor, assignments, configs };
  });
  r.int32(); // timeout_ms
  const validateOnly = v >= 1 ? r.bool() : false;
  r.tags();
  const cluster = req.session.cluster();
  const results = topics.map((t): TopicResult => create(req.services, { cluster, topic: t, validateOnly }));
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 2) w.int32(0);
  w.array(results, (x, t) => {
    x.string(t.name).int16(t.error);
    if (v >= 1) x.nullableString(t.message);
    if (v >= 5) {
      x.int32(t.error === ERR.NONE ? t.partitions : -1).int16(t.error === ERR.NONE ? REPLICATION_FACTOR : -1);
      x.nullableArray(t.configs, (y, c) => { y.string(c.name).nullableString(c.value).bool(c.isReadOnly).int8(configSourceCode(c.source)).bool(c.isSensitive).tags(); });
    }
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}

function create(s: WireServices, q: { cluster: string | undefined; topic: TopicRequest; validateOnly: boolean }): TopicResult {
  const t = q.topic;
  const fail = (error: number, message: string): TopicResult => ({ name: t.name, error, message, partitions: -1, configs: null });
  if (q.cluster === undefined) return fail(ERR.INVALID_REQUEST, 'no cluster is selected for this connection');
  if (t.replicationFactor !== -1 && (t.replicationFactor < 1 || t.replicationFactor > REPLICATION_FACTOR)) {
    return fail(ERR.INVALID_REPLICATION_FACTOR, `Replication factor must be -1 or between 1 and ${REPLICATION_FACTOR}; the local cloud keeps ${REPLICATION_FACTOR} simulated replicas.`);
  }
  const partitions = t.numPartitions === -1 ? (t.assignments > 0 ? t.assignments : s.defaultPartitions) : t.numPartitions;
  try {
    const d = s.store.createTopic(q.cluster, t.name, { partitionsCount: partitions, configs: t.configs, validateOnly: q.validateOnly });
    return { name: t.name, error: ERR.NONE, message: null, partitions: d.partitionsCount, configs: effectiveConfigs(d.configs) };
  } catch (err) {
    const e = kafkaErrorOf(err);
    return fail(e.code, e.message);
  }
}
