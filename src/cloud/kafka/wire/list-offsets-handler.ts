/**
 * ListOffsets (v1–6): -1 = latest (high watermark), -2 = earliest (log start offset), otherwise
 * the first offset whose timestamp is at or after the given one (-1 / -1 when there is none).
 */
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import type { WireRequest, WireResponse, WireServices } from './types.js';

const LATEST = -1;
const EARLIEST = -2;

interface OffsetAnswer {
  readonly partition: number;
  readonly error: number;
  readonly timestamp: number;
  readonly offset: number;
}

/** Answers ListOffsets. */
export function handleListOffsets(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  r.int32(); // replica_id
  if (v >= 2) r.int8(); // isolation_level: no transactions
  const topics = r.array((x) => {
    const name = x.string();
    const partitions = x.array((y) => {
      const partition = y.int32();
      if (v >= 4) y.int32(); // current_leader_epoch
      const timestamp = y.int64();
      y.tags();
      return { partition, timestamp };
    });
    x.tags();
    return { name, partitions };
  });
  r.tags();
  const cluster = req.session.cluster();
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 2) w.int32(0);
  w.array(topics, (x, t) => {
    x.string(t.name);
    x.array(t.partitions, (y, p) => {
      const a = cluster === undefined ? { partition: p.partition, error: ERR.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 } : lookup(req.services, { cluster, topic: t.name, partition: p.partition, timestamp: p.timestamp });
      y.int32(a.partition).int16(a.error).int64(a.timestamp).int64(a.offset);
      if (v >= 4) y.int32(0); // leader_epoch
      y.tags();
    });
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}

function lookup(s: WireServices, q: { cluster: string; topic: string; partition: number; timestamp: number }): OffsetAnswer {
  const { partition } = q;
  try {
    const range = s.store.partitionOffset(q.cluster, q.topic, partition);
    if (q.timestamp === LATEST) return { partition, error: ERR.NONE, timestamp: -1, offset: range.highWatermark };
    if (q.timestamp === EARLIEST) return { partition, error: ERR.NONE, timestamp: -1, offset: range.logStartOffset };
    if (q.timestamp < 0) return { partition, error: ERR.UNSUPPORTED_VERSION, timestamp: -1, offset: -1 };
    const offset = s.store.offsetForTimestamp(q.cluster, q.topic, partition, q.timestamp);
    if (offset === null || offset < range.logStartOffset) return { partition, error: ERR.NONE, timestamp: -1, offset: -1 };
    const rec = s.store.read(q.cluster, q.topic, partition, offset, 1).records[0];
    return { partition, error: ERR.NONE, timestamp: rec?.timestamp ?? -1, offset };
  } catch (err) {
    const e = kafkaErrorOf(err);
    return { partition, error: e.code, timestamp: -1, offset: -1 };
  }
}
