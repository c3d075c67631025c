/**
 * The log cleaner: retention (cleanup.policy=delete) removes the oldest records of a partition,
 * moving its log start offset forward; compaction (cleanup.policy=compact) keeps the latest
 * record per key. Offsets are never reused: both leave gaps, never renumber.
 *
 * Simplifications against Kafka (documented choices, not accidents):
 * - Retention works on whole records, not segments: it drops the longest prefix of records that
 *   are all older than retention.ms, then the oldest records while the partition is over
 *   retention.bytes. (Kafka drops whole segments, so it keeps a little more.)
 * - Compaction considers the whole log, including what Kafka calls the active segment; records
 *   younger than min.compaction.lag.ms are never removed. min.cleanable.dirty.ratio and
 *   max.compaction.lag.ms are not consulted: every maintenance pass cleans everything eligible.
 * - A tombstone (null value) that is the latest for its key is removed once its own timestamp is
 *   older than delete.retention.ms (Kafka counts from when the cleaner first saw it).
 */
import type Database from 'better-sqlite3';
import type { LogConfig, LogRecord } from './types.js';
import type { BatchRow, PartitionRow, TopicRow } from './log-rows.js';
import { decodeBatch, encodeBatch, packedRecordSize } from './record-batch-codec.js';

/** What a maintenance pass removed. */
export interface MaintenanceReport {
  /** Records removed by retention. */
  readonly recordsDeleted: number;
  /** Records removed by compaction (superseded values and expired tombstones). */
  readonly recordsCompacted: number;
  /** Batch rows that went away by merging small batches (records unchanged). */
  readonly batchesMerged: number;
}

type BatchMeta = Omit<BatchRow, 'data'>;
type MutableReport = { -readonly [K in keyof MaintenanceReport]: MaintenanceReport[K] };

/** Runs retention and compaction over one topic's partitions, one transaction per partition. */
export class LogCleaner {
  readonly #db: Database.Database;
  readonly #q;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#q = {
      partitions: db.prepare<[number], PartitionRow>('SELECT * FROM kafka_partitions WHERE topic_id = ? ORDER BY partition'),
      oldestMetas: db.prepare<[number, number], BatchMeta>('SELECT batch_id, base_offset, last_offset, record_count, max_timestamp, size_bytes, timestamp_type FROM kafka_batches WHERE topic_id = ? AND partition = ? ORDER BY base_offset LIMIT 256'),
      batches: db.prepare<[number, number], BatchRow>('SELECT * FROM kafka_batches WHERE topic_id = ? AND partition = ? ORDER BY base_offset'),
      data: db.prepare<[number], { data: Buffer }>('SELECT data FROM kafka_batches WHERE batch_id = ?'),
      deleteBatch: db.prepare('DELETE FROM kafka_batches WHERE batch_id = ?'),
      rewriteBatch: db.prepare('UPDATE kafka_batches SET base_offset = ?, last_offset = ?, record_count = ?, max_timestamp = ?, size_bytes = ?, data = ? WHERE batch_id = ?'),
      firstOffset: db.prepare<[number, number], { base_offset: number }>('SELECT base_offset FROM kafka_batches WHERE topic_id = ? AND partition = ? ORDER BY base_offset LIMIT 1'),
      afterRetention: db.prepare('UPDATE kafka_partitions SET log_start_offset = ?, size_bytes = ? WHERE topic_id = ? AND partition = ?'),
      afterCompaction: db.prepare('UPDATE kafka_partitions SET size_bytes = ?, compacted_offset = ?, compaction_due = ? WHERE topic_id = ? AND partition = ?'),
    };
  }

  /** Applies retention.ms and retention.bytes to every partition of `t`. */
  enforceRetention(t: TopicRow, cfg: LogConfig, now: number, report: MutableReport): void {
    for (const part of this.#q.partitions.all(t.topic_id)) {
      this.#db.transaction(() => {
        let size = part.size_bytes;
        let removed = 0;
        if (cfg.retentionMs >= 0 && Number.isFinite(cfg.retentionMs)) {
          const cutoff = now - cfg.retentionMs;
          const r = this.#dropPrefix(t.topic_id, part.partition, (m) => m.max_timestamp < cutoff, (rec) => rec.timestamp < cutoff);
          size -= r.bytes;
          removed += r.records;
        }
        if (cfg.retentionBytes >= 0 && Number.isFinite(cfg.retentionBytes) && size > cfg.retentionBytes) {
          let excess = size - cfg.retentionBytes;
          const r = this.#dropPrefix(t.topic_id, part.partition, (m) => {
            if (excess <= 0 || m.size_bytes > excess) return false;
            excess -= m.size_bytes;
            return true;
          }, (_rec, recSize) => {
            if (excess <= 0) return false;
            excess -= recSize;
            return true;
          });
          size -= r.bytes;
          removed += r.records;
        }
        if (removed === 0) return;
        const first = this.#q.firstOffset.get(t.topic_id, part.partition)?.base_offset ?? part.next_offset;
        this.#q.afterRetention.run(Math.max(first, part.log_start_offset), size, t.topic_id, part.partition);
        report.recordsDeleted += removed;
      })();
    }
  }

  /** Keeps the latest record per key in every partition of `t` and expires old tombstones. */
  compact(t: TopicRow, cfg: LogConfig, now: number, report: MutableReport): void {
    for (const part of this.#q.partitions.all(t.topic_id)) {
      if (part.compacted_offset === part.next_offset && (part.compaction_due === null || now < part.compaction_due)) continue;
      this.#db.transaction(() => {
        const batches = this.#q.batches.all(t.topic_id, part.partition);
        const decoded = batches.map((b) => decodeAll(b, part.partition));
        const latest = new Map<string, number>();
        for (const recs of decoded) for (const r of recs) if (r.key !== null) latest.set(r.key.toString('latin1'), r.offset);
        const lagCutoff = now - cfg.minCompactionLagMs;
        let due = Infinity;
        let removedBytes = 0;
        let removedCount = 0;
        batches.forEach((b, i) => {
          const recs = decoded[i] ?? [];
          const kept = recs.filter((r) => {
            if (r.key === null) return true;
            const isLatest = latest.get(r.key.toString('latin1')) === r.offset;
            if (!isLatest) {
              if (r.timestamp <= lagCutoff) return false;
              due = Math.min(due, r.timestamp + cfg.minCompactionLagMs);
              return true;
            }
            if (r.value !== null) return true;
            const expires = Math.max(r.timestamp + cfg.deleteRetentionMs, r.timestamp + cfg.minCompactionLagMs);
            if (expires <= now) return false;
            due = Math.min(due, expires);
            return true;
          });
          if (kept.length === recs.length) return;
          removedCount += recs.length - kept.length;
          removedBytes += this.#rewrite(b, kept);
        });
        this.#q.afterCompaction.run(part.size_bytes - removedBytes, part.next_offset, Number.isFinite(due) ? due : null, t.topic_id, part.partition);
        report.recordsCompacted += removedCount;
      })();
    }
  }

  /**
   * Drops whole batches while `whole` says so, then a prefix of the next batch's records while
   * `drop` says so. Returns the records and bytes removed.
   */
  #dropPrefix(topicId: number, partition: number, whole: (m: BatchMeta) => boolean, drop: (r: LogRecord, size: number) => boolean): { records: number; bytes: number } {
    let records = 0;
    let bytes = 0;
    // Pages of the oldest batches: a pass usually stops at the first one, so a long log costs little.
    for (;;) {
      const page = this.#q.oldestMetas.all(topicId, partition);
      let stopped = page.length === 0;
      for (const m of page) {
        if (whole(m)) {
          this.#q.deleteBatch.run(m.batch_id);
          records += m.record_count;
          bytes += m.size_bytes;
          continue;
        }
        stopped = true;
        const data = this.#q.data.get(m.batch_id)?.data;
        if (data === undefined) break;
        const recs = decodeAll({ ...m, data }, partition);
        let k = 0;
        while (k < recs.length) {
          const r = recs[k] as LogRecord;
          if (!drop(r, packedRecordSize(r.key, r.value, r.headers))) break;
          k++;
        }
        if (k > 0) {
          records += k;
          bytes += this.#rewrite(m, recs.slice(k));
        }
        break;
      }
      if (stopped) break;
    }
    return { records, bytes };
  }

  /** Replaces a batch by the records kept from it (deleting it when none); returns bytes freed. */
  #rewrite(b: BatchMeta, kept: readonly LogRecord[]): number {
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first === undefined || last === undefined) {
      this.#q.deleteBatch.run(b.batch_id);
      return b.size_bytes;
    }
    let size = 0;
    let maxTs = 0;
    for (const r of kept) {
      size += packedRecordSize(r.key, r.value, r.headers);
      if (r.timestamp > maxTs) maxTs = r.timestamp;
    }
    this.#q.rewriteBatch.run(first.offset, last.offset, kept.length, maxTs, size, encodeBatch(first.offset, kept, size), b.batch_id);
    return b.size_bytes - size;
  }
}

function decodeAll(b: BatchRow, partition: number): LogRecord[] {
  const out: LogRecord[] = [];
  decodeBatch(b.data, { baseOffset: b.base_offset, partition, timestampType: b.timestamp_type === 1 ? 'LogAppendTime' : 'CreateTime', fromOffset: 0, limit: Number.MAX_SAFE_INTEGER }, out);
  return out;
}
