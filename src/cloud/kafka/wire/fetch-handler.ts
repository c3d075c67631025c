/**
 * Fetch (v4–12): stored records re-encoded as RecordBatch v2, within max_bytes and each
 * partition's max bytes (the first record always goes out, so a large record cannot stall a
 * consumer). Waits up to max_wait_ms for min_bytes, woken by produces on this listener and
 * re-reading every `fetchPollMs` for appends made elsewhere. No transactions exist, so both
 * isolation levels read the same records and the last stable offset is the high watermark.
 * Fetch sessions (KIP-227) are never created: every answer is a full one with session id 0.
 */
import type { LogRecord } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import { approximateRecordSize, encodeRecordBatches } from './record-batch-encoder.js';
import type { WireRequest, WireResponse, WireServices } from './types.js';

const READ_CHUNK = 500;
const EMPTY = Buffer.alloc(0);

interface PartitionFetch {
  readonly partition: number;
  readonly fetchOffset: number;
  readonly maxBytes: number;
}

interface PartitionData {
  readonly partition: number;
  readonly error: number;
  readonly highWatermark: number;
  readonly logStartOffset: number;
  readonly records: Buffer;
}

interface FetchPlan {
  readonly cluster: string | undefined;
  readonly maxBytes: number;
  readonly topics: readonly { readonly topic: string; readonly partitions: readonly PartitionFetch[] }[];
}

/** Answers Fetch, possibly after waiting for records. */
export async function handleFetch(req: WireRequest): Promise<WireResponse> {
  const v = req.apiVersion;
  const r = req.body;
  r.int32(); // replica_id
  const maxWaitMs = r.int32();
  const minBytes = r.int32();
  const maxBytes = r.int32();
  r.int8(); // isolation_level: no transactions, so both levels read alike
  if (v >= 7) {
    r.int32(); // session_id
    r.int32(); // session_epoch
  }
  const topics = r.array((x) => {
    const topic = x.string();
    const partitions = x.array((y): PartitionFetch => {
      const partition = y.int32();
      if (v >= 9) y.int32(); // current_leader_epoch
      const fetchOffset = y.int64();
      if (v >= 12) y.int32(); // last_fetched_epoch
      if (v >= 5) y.int64(); // log_start_offset (follower only)
      const partMax = y.int32();
      y.tags();
      return { partition, fetchOffset, maxBytes: partMax };
    });
    x.tags();
    return { topic, partitions };
  });
  if (v >= 7) r.array((x) => { x.string(); x.array((y) => y.int32()); x.tags(); });
  if (v >= 11) r.string(); // rack_id
  r.tags();

  const plan: FetchPlan = { cluster: req.session.cluster(), maxBytes: maxBytes > 0 ? maxBytes : Number.MAX_SAFE_INTEGER, topics };
  const s = req.services;
  let result = attempt(s, plan);
  const deadline = performance.now() + maxWaitMs;
  while (!result.ready && result.bytes < minBytes && !s.appends.closed) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    await s.appends.wait(Math.min(left, s.fetchPollMs));
    result = attempt(s, plan);
  }
  const w = new ByteWriter({ flexible: r.flexible, capacity: 1024 + result.bytes });
  w.int32(0); // throttle_time_ms
  if (v >= 7) w.int16(ERR.NONE).int32(0);
  w.array(result.topics, (x, t) => {
    x.string(t.topic);
    x.array(t.partitions, (y, p) => {
      y.int32(p.partition).int16(p.error).int64(p.highWatermark).int64(p.highWatermark);
      if (v >= 5) y.int64(p.logStartOffset);
      y.array([] as number[], (z) => z); // aborted_transactions
      if (v >= 11) y.int32(-1); // preferred_read_replica
      y.nullableBytes(p.records);
      y.tags();
    });
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}

/** One pass over the requested partitions; `ready` when an error must be reported at once. */
function attempt(s: WireServices, plan: FetchPlan): { bytes: number; ready: boolean; topics: { topic: string; partitions: PartitionData[] }[] } {
  let budget = plan.maxBytes;
  let bytes = 0;
  let ready = false;
  const topics = plan.topics.map((t) => ({
    topic: t.topic,
    partitions: t.partitions.map((p): PartitionData => {
      const data = readPartition(s, { cluster: plan.cluster, topic: t.topic, fetch: p, budget, first: bytes === 0 });
      const size = data.records.length;
      budget -= size;
      bytes += size;
      if (data.error !== ERR.NONE) ready = true;
      return data;
    }),
  }));
  return { bytes, ready, topics };
}

function readPartition(s: WireServices, q: { cluster: string | undefined; topic: string; fetch: PartitionFetch; budget: number; first: boolean }): PartitionData {
  const { partition, fetchOffset } = q.fetch;
  if (q.cluster === undefined) return { partition, error: ERR.UNKNOWN_TOPIC_OR_PARTITION, highWatermark: -1, logStartOffset: -1, records: EMPTY };
  try {
    const range = s.store.partitionOffset(q.cluster, q.topic, partition);
    const base = { partition, highWatermark: range.highWatermark, logStartOffset: range.logStartOffset };
    if (fetchOffset < range.logStartOffset || fetchOffset > range.highWatermark) return { ...base, error: ERR.OFFSET_OUT_OF_RANGE, records: EMPTY };
    const limit = Math.min(q.fetch.maxBytes, q.budget);
    const picked: LogRecord[] = [];
    let size = 0;
    let offset = fetchOffset;
    outer: while (offset < range.highWatermark) {
      const chunk = s.store.read(q.cluster, q.topic, partition, offset, READ_CHUNK);
      for (const rec of chunk.records) {
        const recSize = approximateRecordSize(rec);
        if (size + recSize > limit && !(picked.length === 0 && q.first)) break outer;
        picked.push(rec);
        size += recSize;
      }
      if (chunk.records.length === 0 || chunk.nextOffset <= offset) break;
      offset = chunk.nextOffset;
    }
    if (picked.length === 0) return { ...base, error: ERR.NONE, records: EMPTY };
    const w = new ByteWriter({ capacity: size + 128 });
    encodeRecordBatches(w, picked);
    return { ...base, error: ERR.NONE, records: w.toBuffer() };
  } catch (err) {
    const e = kafkaErrorOf(err);
    return { partition, error: e.code, highWatermark: -1, logStartOffset: -1, records: EMPTY };
  }
}
