/**
 * Produce (v3–9): RecordBatch v2 appended partition by partition, each partition all or nothing.
 * acks 0 sends no response; acks 1 and -1 both answer after the SQLite commit (the only replica).
 * Idempotent producers' sequence numbers are not checked: a retried batch is appended again.
 */
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import { decodeRecordBatches } from './record-batch-decoder.js';
import type { WireRequest, WireResponse, WireServices } from './types.js';

interface PartitionResult {
  readonly index: number;
  readonly error: number;
  readonly message: string | null;
  readonly baseOffset: number;
  readonly logAppendTime: number;
  readonly logStartOffset: number;
}

/** Answers Produce. */
export function handleProduce(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  r.nullableString(); // transactional_id: transactions are not supported, plain appends are
  const acks = r.int16();
  r.int32(); // timeout_ms: appends finish synchronously
  const topics = r.array((x) => {
    const name = x.string();
    const partitions = x.array((y) => {
      const index = y.int32();
      const records = y.nullableBytes();
      y.tags();
      return { index, records };
    });
    x.tags();
    return { name, partitions };
  });
  r.tags();
  const cluster = req.session.cluster();
  const validAcks = acks === 0 || acks === 1 || acks === -1;
  let appended = false;
  const results = topics.map((t) => ({
    name: t.name,
    partitions: t.partitions.map((p): PartitionResult => {
      if (!validAcks) return failed(p.index, ERR.INVALID_REQUIRED_ACKS, `acks must be 0, 1 or -1, not ${acks}`);
      if (cluster === undefined) return failed(p.index, ERR.UNKNOWN_TOPIC_OR_PARTITION, 'no cluster is selected for this connection');
      const res = appendPartition(req.services, { cluster, topic: t.name, partition: p.index, records: p.records });
      if (res.error === ERR.NONE) appended = true;
      return res;
    }),
  }));
  if (appended) req.services.appends.notify();
  if (acks === 0) return { kind: 'none' };
  const w = new ByteWriter({ flexible: r.flexible });
  w.array(results, (x, t) => {
    x.string(t.name);
    x.array(t.partitions, (y, p) => {
      y.int32(p.index).int16(p.error).int64(p.baseOffset).int64(p.logAppendTime);
      if (v >= 5) y.int64(p.logStartOffset);
      if (v >= 8) y.array([] as number[], (z) => z).nullableString(p.message);
      y.tags();
    });
    x.tags();
  });
  w.int32(0); // throttle_time_ms
  w.tags();
  return { kind: 'reply', body: w };
}

function appendPartition(s: WireServices, p: { cluster: string; topic: string; partition: number; records: Buffer | null }): PartitionResult {
  const decoded = decodeRecordBatches(p.records ?? Buffer.alloc(0));
  if (decoded.kind === 'rejected') return failed(p.partition, ERR[decoded.error], decoded.message);
  try {
    const records = decoded.records.map((rec) => ({ ...rec, partition: p.partition }));
    const out = s.store.append(p.cluster, p.topic, records);
    const offsets = s.store.partitionOffset(p.cluster, p.topic, p.partition);
    const first = out[0];
    const logAppend = s.store.describeTopic(p.cluster, p.topic).configs['message.timestamp.type'] === 'LogAppendTime';
    return {
      index: p.partition, error: ERR.NONE, message: null,
      baseOffset: first?.offset ?? offsets.highWatermark,
      logAppendTime: logAppend && first !== undefined ? first.timestamp : -1,
      logStartOffset: offsets.logStartOffset,
    };
  } catch (err) {
    const e = kafkaErrorOf(err);
    return failed(p.partition, e.code, e.message);
  }
}

function failed(index: number, error: number, message: string): PartitionResult {
  return { index, error, message, baseOffset: -1, logAppendTime: -1, logStartOffset: -1 };
}
