/**
 * OffsetCommit (v0–8): stores offsets through ConsumerOffsets once the group coordinator accepts
 * the member and generation (generation -1 without a member id = a simple, group-less commit).
 */
import { ByteWriter } from './byte-writer.js';
import { ERR, kafkaErrorOf } from './error-codes.js';
import type { WireRequest, WireResponse, WireServices } from './types.js';

interface CommitEntry {
  readonly partition: number;
  readonly offset: number;
  readonly metadata: string | null;
}

/** Answers OffsetCommit. */
export function handleOffsetCommit(req: WireRequest): WireResponse {
  const v = req.apiVersion;
  const r = req.body;
  const groupId = r.string();
  const generationId = v >= 1 ? r.int32() : -1;
  const memberId = v >= 1 ? r.string() : '';
  if (v >= 7) r.nullableString(); // group_instance_id
  if (v >= 2 && v <= 4) r.int64(); // retention_time_ms: offsets are kept until the topic is deleted
  const topics = r.array((x) => {
    const name = x.string();
    const partitions = x.array((y): CommitEntry => {
      const partition = y.int32();
      const offset = y.int64();
      if (v >= 6) y.int32(); // committed_leader_epoch
      if (v === 1) y.int64(); // commit_timestamp
      const metadata = y.nullableString();
      y.tags();
      return { partition, offset, metadata };
    });
    x.tags();
    return { name, partitions };
  });
  r.tags();
  const cluster = req.session.cluster();
  const groupError = cluster === undefined ? ERR.COORDINATOR_NOT_AVAILABLE : req.services.groups.checkCommit({ cluster, groupId, generationId, memberId });
  const errors = cluster === undefined || groupError !== ERR.NONE
    ? topics.map((t) => t.partitions.map(() => groupError))
    : commit(req.services, cluster, groupId, topics);
  const w = new ByteWriter({ flexible: r.flexible });
  if (v >= 3) w.int32(0);
  w.array(topics, (x, t) => {
    const tErrors = errors[topics.indexOf(t)] ?? [];
    x.string(t.name);
    x.array(t.partitions, (y, p) => { y.int32(p.partition).int16(tErrors[t.partitions.indexOf(p)] ?? ERR.NONE).tags(); });
    x.tags();
  });
  w.tags();
  return { kind: 'reply', body: w };
}

/** Validates each partition, commits the valid ones in one transaction; returns error codes. */
function commit(s: WireServices, cluster: string, groupId: string, topics: readonly { name: string; partitions: readonly CommitEntry[] }[]): number[][] {
  const valid: { topic: string; partition: number; offset: number; metadata: string }[] = [];
  const errors = topics.map((t) => t.partitions.map((p) => {
    try {
      s.store.partitionOffset(cluster, t.name, p.partition);
    } catch (err) {
      return kafkaErrorOf(err).code;
    }
    if (!Number.isSafeInteger(p.offset) || p.offset < 0) return ERR.OFFSET_OUT_OF_RANGE;
    valid.push({ topic: t.name, partition: p.partition, offset: p.offset, metadata: p.metadata ?? '' });
    return ERR.NONE;
  }));
  if (valid.length > 0) s.offsets.commitOffsets(cluster, groupId, valid);
  return errors;
}
