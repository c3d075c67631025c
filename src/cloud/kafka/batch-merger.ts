/**
 * Merges runs of small adjacent batches into bigger ones. Appends write one batch row per call,
 * so a log fed one record at a time (REST produce) has one row per record and reads decode row
 * by row; after merging, reads run at batch speed. Offsets, timestamps and contents are unchanged.
 */
import type Database from 'better-sqlite3';
import type { LogRecord } from './types.js';
import type { BatchRow, PartitionRow, TopicRow } from './log-rows.js';
import { decodeBatch, encodeBatch } from './record-batch-codec.js';

/** Batches smaller than this are merge candidates. */
const SMALL_BATCH_BYTES = 16 * 1024;
/** A merged batch grows up to about this size; appends split larger writes at this size too. */
export const MAX_BATCH_BYTES = 128 * 1024;
const TARGET_BATCH_BYTES = MAX_BATCH_BYTES;

type BatchMeta = Omit<BatchRow, 'data'>;

/** Merges small batches of every partition of a topic, one transaction per partition. */
export class BatchMerger {
  readonly #db: Database.Database;
  readonly #q;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#q = {
      partitions: db.prepare<[number], PartitionRow>('SELECT * FROM kafka_partitions WHERE topic_id = ? ORDER BY partition'),
      metas: db.prepare<[number, number, number], BatchMeta>('SELECT batch_id, base_offset, last_offset, record_count, max_timestamp, size_bytes, timestamp_type FROM kafka_batches WHERE topic_id = ? AND partition = ? AND base_offset >= ? ORDER BY base_offset'),
      data: db.prepare<[number], { data: Buffer }>('SELECT data FROM kafka_batches WHERE batch_id = ?'),
      deleteBatch: db.prepare('DELETE FROM kafka_batches WHERE batch_id = ?'),
      rewriteBatch: db.prepare('UPDATE kafka_batches SET last_offset = ?, record_count = ?, max_timestamp = ?, size_bytes = ?, data = ? WHERE batch_id = ?'),
      setMerged: db.prepare('UPDATE kafka_partitions SET merged_offset = ? WHERE topic_id = ? AND partition = ?'),
    };
  }

  /** Merges the small batches appended since the last pass; returns how many rows went away. */
  merge(t: TopicRow): number {
    let removed = 0;
    for (const part of this.#q.partitions.all(t.topic_id)) {
      removed += this.#db.transaction(() => this.#mergePartition(t.topic_id, part))();
    }
    return removed;
  }

  #mergePartition(topicId: number, part: PartitionRow): number {
    const metas = this.#q.metas.all(topicId, part.partition, part.merged_offset);
    let removed = 0;
    let run: BatchMeta[] = [];
    let runBytes = 0;
    const flush = (): void => {
      if (run.length > 1) removed += this.#mergeRun(run, part.partition);
      run = [];
      runBytes = 0;
    };
    for (const m of metas) {
      const first = run[0];
      const fits = m.size_bytes < SMALL_BATCH_BYTES && runBytes + m.size_bytes <= TARGET_BATCH_BYTES && (first === undefined || first.timestamp_type === m.timestamp_type);
      if (!fits) flush();
      if (m.size_bytes < SMALL_BATCH_BYTES) {
        run.push(m);
        runBytes += m.size_bytes;
      }
    }
    // The tail run stays a candidate: the next pass may merge it with newer batches.
    const tail = run[0];
    flush();
    const last = metas[metas.length - 1];
    const mergedUpTo = tail?.base_offset ?? (last === undefined ? part.merged_offset : last.base_offset);
    this.#q.setMerged.run(mergedUpTo, topicId, part.partition);
    return removed;
  }

  /** Rewrites the first batch of the run with every record of the run and deletes the others. */
  #mergeRun(run: readonly BatchMeta[], partition: number): number {
    const first = run[0];
    const last = run[run.length - 1];
    if (first === undefined || last === undefined) return 0;
    const records: LogRecord[] = [];
    let size = 0;
    let count = 0;
    let maxTs = 0;
    for (const m of run) {
      const data = this.#q.data.get(m.batch_id)?.data;
      if (data === undefined) continue;
      decodeBatch(data, { baseOffset: m.base_offset, partition, timestampType: 'CreateTime', fromOffset: 0, limit: Number.MAX_SAFE_INTEGER }, records);
      size += m.size_bytes;
      count += m.record_count;
      maxTs = Math.max(maxTs, m.max_timestamp);
    }
    this.#q.rewriteBatch.run(last.last_offset, count, maxTs, size, encodeBatch(first.base_offset, records, size), first.batch_id);
    for (const m of run.slice(1)) this.#q.deleteBatch.run(m.batch_id);
    return run.length - 1;
  }
}
