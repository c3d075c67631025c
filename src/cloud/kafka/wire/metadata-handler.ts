/**
 * Metadata (v0–12): the one broker (node 1, this listener) and the cluster's topics. Topics are
 * never auto-created (Confluent Cloud's default): unknown names get UNKNOWN_TOPIC_OR_PARTITION.
 */
import type { TopicDescription } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import { topicIdOf, ZERO_TOPIC_ID } from './topic-id.js';
import type { WireRequest, WireResponse } from './types.js';

const UNKNOWN_TOPIC_ID = 100;
const OMITTED_OPERATIONS = -2147483648;
/** READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS (bits by AclOperation code). */
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((acc, bit) => acc | (1 << bit), 0);
const CLUSTER_OPERATIONS = [4, 7, 8, 9, 10, 11, 12].reduce((acc, bit) => acc | (1 << bit), 0);

interface RequestedTopic {
  readonly id: Buffer | null;
  readonly name: string | null;
}

/** Answers Metadata. */
export function handleMetadata(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const requested = r.nullableArray((x): RequestedTopic => {
    const id = v >= 10 ? x.uuid() : null;
    const name = x.nullableString();
    x.tags();
    return { id, name };
  });
  if (v >= 4) r.bool(); // allow_auto_topic_creation: topics are never auto-created
  const clusterOps = v >= 8 && v <= 10 ? r.bool() : false;
  const topicOps = v >= 8 ? r.bool() : false;
  r.tags();

  const cluster = req.session.cluster();
  const store = req.services.store;
  const all = cluster === undefined ? [] : store.listTopics(cluster);
  const wantAll = requested === null || (v === 0 && requested.length === 0);
  const broker = req.session.broker;
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 3) w.int32(0);
  w.array([broker], (x, b) => {
    x.int32(b.nodeId).string(b.host).int32(b.port);
    if (v >= 1) x.nullableString(null);
    x.tags();
  });
  if (v >= 2) w.nullableString(cluster ?? null);
  if (v >= 1) w.int32(broker.nodeId);
  const entries = wantAll ? all.filter((t) => !t.isInternal).map((t) => ({ topic: t, name: t.name, id: null })) : requested.map((q) => ({ topic: find(all, q), name: q.name, id: q.id }));
  w.array(entries, (x, e) => {
    const t = e.topic;
    const error = t !== undefined ? ERR.NONE : e.name === null ? UNKNOWN_TOPIC_ID : ERR.UNKNOWN_TOPIC_OR_PARTITION;
    x.int16(error);
    x.nullableString(t?.name ?? e.name);
    if (v >= 10) x.raw(t !== undefined ? topicIdOf(t) : e.id ?? ZERO_TOPIC_ID);
    if (v >= 1) x.bool(t?.isInternal ?? false);
    const partitions = t === undefined ? [] : Array.from({ length: t.partitionsCount }, (_, i) => i);
    x.array(partitions, (y, p) => {
      y.int16(ERR.NONE).int32(p).int32(broker.nodeId);
      if (v >= 7) y.int32(0); // leader epoch
      y.array([broker.nodeId], (z, n) => { z.int32(n); });
      y.array([broker.nodeId], (z, n) => { z.int32(n); });
      if (v >= 5) y.array([] as number[], (z, n) => { z.int32(n); });
      y.tags();
    });
    if (v >= 8) x.int32(topicOps ? TOPIC_OPERATIONS : OMITTED_OPERATIONS);
    x.tags();
  });
  if (v >= 8 && v <= 10) w.int32(clusterOps ? CLUSTER_OPERATIONS : OMITTED_OPERATIONS);
  w.tags();
  return { kind: 'reply', body: w };
}

function find(all: readonly TopicDescription[], q: RequestedTopic): TopicDescription | undefined {
  if (q.name !== null) return all.find((t) => t.name === q.name);
  const id = q.id;
  return id === null ? undefined : all.find((t) => topicIdOf(t).equals(id));
}
