/**
 * Streamform extensions to Kafka REST v3 (Confluent Cloud has no such routes): reading records of
 * one partition, and committing a consumer group's offsets, so `streamform topic consume` works
 * over HTTP against the local cloud. They exist only in the local cloud; a client must not expect
 * them from Confluent Cloud.
 */
import { ApiError, type HttpRequest, type Route } from '../http/index.js';
import { groupAccess, topicAccess, topicParam, type KafkaRouteContext } from './kafka-route-context.js';
import { clusterUrl } from './kafka-rest-shapes.js';
import { readObject, type JsonObject } from './kafka-rest-body.js';
import type { LogRecord } from './types.js';

/** Records per read when `max` is absent, and the most one read returns. */
const DEFAULT_MAX = 100;
const MAX_MAX = 10_000;

function bad(message: string): never {
  throw new ApiError(400, 40002, message);
}

function queryInt(req: HttpRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) bad(`Query parameter '${name}' must be a non-negative integer; got '${raw}'.`);
  return Number(raw);
}

function partitionParam(req: HttpRequest): number {
  const raw = req.params['partition_id'] ?? '';
  return /^\d+$/.test(raw) ? Number(raw) : -1;
}

function b64(b: Buffer | null): string | null {
  return b === null ? null : b.toString('base64');
}

function recordBody(r: LogRecord): unknown {
  return {
    partition_id: r.partition,
    offset: r.offset,
    timestamp: new Date(r.timestamp).toISOString(),
    timestamp_type: r.timestampType,
    key: b64(r.key),
    value: b64(r.value),
    headers: r.headers.map((h) => ({ name: h.key, value: b64(h.value) })),
  };
}

/** The record-read and offset-commit extension routes. */
export function recordReadRoutes(ctx: KafkaRouteContext): Route[] {
  const { store, groups, route } = ctx;
  return [
    /**
     * Streamform extension (local cloud only): `GET …/topics/:topic_name/partitions/:partition_id/records?offset=N&max=M`
     * reads up to M records (default 100, at most 10000) from offset N (default: the log start
     * offset). Answers `{kind: "StreamformRecordList", next_offset, high_watermark,
     * log_start_offset, data: [{offset, timestamp, timestamp_type, key, value, headers}]}` with
     * key, value and header values in base64 (null for null). `max=0` reads nothing and serves
     * as the partition's offsets probe (log start offset and high watermark).
     */
    route({ method: 'GET', path: '/topics/:topic_name/partitions/:partition_id/records', access: topicAccess('Read') }, (req, cluster) => {
      const topic = topicParam(req);
      const partition = partitionParam(req);
      const range = store.partitionOffset(cluster, topic, partition);
      const offset = queryInt(req, 'offset') ?? range.logStartOffset;
      const max = Math.min(queryInt(req, 'max') ?? DEFAULT_MAX, MAX_MAX);
      const read = store.read(cluster, topic, partition, offset, max);
      const self = `${clusterUrl(req, cluster)}/topics/${encodeURIComponent(topic)}/partitions/${partition}/records`;
      return {
        status: 200,
        body: {
          kind: 'StreamformRecordList',
          metadata: { self: `${self}?offset=${offset}&max=${max}`, next: `${self}?offset=${read.nextOffset}&max=${max}` },
          cluster_id: cluster, topic_name: topic, partition_id: partition,
          log_start_offset: read.logStartOffset, high_watermark: read.highWatermark, next_offset: read.nextOffset,
          data: read.records.map(recordBody),
        },
      };
    }),
    /**
     * Streamform extension (local cloud only): `POST …/consumer-groups/:group_id/offsets` with
     * `{data: [{topic_name, partition_id, offset, metadata?}]}` commits the group's offsets in one
     * transaction (offset = the next record the group will read); answers 204.
     */
    route({ method: 'POST', path: '/consumer-groups/:group_id/offsets', access: groupAccess('Read') }, (req, cluster) => {
      const data = readObject(req.body)['data'];
      if (!Array.isArray(data)) bad("Request body requires 'data' (an array of {topic_name, partition_id, offset}).");
      const offsets = data.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) bad(`data[${i}] must be an object.`);
        const o = item as JsonObject;
        const topic = o['topic_name'], partition = o['partition_id'], offset = o['offset'], metadata = o['metadata'];
        if (typeof topic !== 'string' || topic === '') bad(`data[${i}].topic_name must be a non-empty string.`);
        if (typeof partition !== 'number' || !Number.isInteger(partition)) bad(`data[${i}].partition_id must be an integer.`);
        if (typeof offset !== 'number' || !Number.isInteger(offset)) bad(`data[${i}].offset must be an integer.`);
        if (metadata !== undefined && metadata !== null && typeof metadata !== 'string') bad(`data[${i}].metadata must be a string.`);
        return { topic, partition, offset, ...(typeof metadata === 'string' ? { metadata } : {}) };
      });
      groups.commitOffsets(cluster, req.params['group_id'] ?? '', offsets);
      return { status: 204 };
    }),
  ];
}
