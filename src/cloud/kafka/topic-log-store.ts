/**
 * TopicLogStore: topics, partitions and their append-only logs in SQLite. Records are stored in
 * packed batches (one row per partition per append call), read by range scan over base offsets.
 * Every write runs in `db.transaction`, which nests as a savepoint when the caller already has a
 * transaction open: that is how the Flink runtime commits sink output together with source
 * offsets and operator state (exactly-once by construction). No mutable metadata is cached in
 * memory, so a caller's rollback never leaves the store out of step with the file.
 */
import type Database from 'better-sqlite3';
import { invariant, systemClock, type Clock } from '../../shared/index.js';
import type {
  AppendedRecord, ConfigAlteration, CreateTopicOptions, LogConfig, LogRecord, PartitionOffsets,
  ReadResult, RecordHeader, RecordToAppend, TopicDescription,
} from './types.js';
import { TopicLogError } from './topic-log-error.js';
import { logConfig, validateConfig } from './topic-configs.js';
import { partitionForKey, StickyPartitioner } from './murmur2-partitioner.js';
import { decodeBatch, encodeBatch, packedRecordSize, type PackedRecordInput } from './record-batch-codec.js';
import { ensureTopicLogSchema, openTopicLogDatabase } from './log-schema.js';
import { LogCleaner, type MaintenanceReport } from './log-cleaner.js';
import { BatchMerger, MAX_BATCH_BYTES } from './batch-merger.js';
import type { TopicRow, PartitionRow } from './log-rows.js';

const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const UNKNOWN_TOPIC = 'This server does not host this topic-partition.';
/** Bytes of keyless records after which the sticky partition moves on (the Java producer's default batch.size). */
const STICKY_BATCH_BYTES = 16_384;

/** Options for TopicLogStore. */
export interface TopicLogStoreOptions {
  readonly clock?: Clock;
}

/** Topic metadata and partition logs of every cluster in one SQLite database. */
export class TopicLogStore {
  readonly #db: Database.Database;
  readonly #clock: Clock;
  readonly #sticky = new StickyPartitioner();
  readonly #configs = new Map<string, LogConfig>();
  readonly #cleaner: LogCleaner;
  readonly #merger: BatchMerger;
  #owned = false;
  readonly #q;

  /** Uses `db` (creating the tables when missing); the caller keeps ownership of the handle. */
  constructor(db: Database.Database, opts: TopicLogStoreOptions = {}) {
    ensureTopicLogSchema(db);
    this.#db = db;
    this.#clock = opts.clock ?? systemClock;
    this.#cleaner = new LogCleaner(db);
    this.#merger = new BatchMerger(db);
    this.#q = {
      topic: db.prepare<[string, string], TopicRow>('SELECT * FROM kafka_topics WHERE cluster = ? AND name = ?'),
      topics: db.prepare<[string], TopicRow>('SELECT * FROM kafka_topics WHERE cluster = ? ORDER BY name'),
      allTopics: db.prepare<[], TopicRow>('SELECT * FROM kafka_topics ORDER BY cluster, name'),
      insertTopic: db.prepare('INSERT INTO kafka_topics (cluster, name, partitions_count, configs, created_at, is_internal) VALUES (?, ?, ?, ?, ?, ?)'),
      insertPartition: db.prepare('INSERT INTO kafka_partitions (topic_id, partition, log_start_offset, next_offset, size_bytes, compacted_offset, compaction_due, merged_offset) VALUES (?, ?, 0, 0, 0, 0, NULL, 0)'),
      partition: db.prepare<[number, number], PartitionRow>('SELECT * FROM kafka_partitions WHERE topic_id = ? AND partition = ?'),
      partitions: db.prepare<[number], PartitionRow>('SELECT * FROM kafka_partitions WHERE topic_id = ? ORDER BY partition'),
      setConfigs: db.prepare('UPDATE kafka_topics SET configs = ? WHERE topic_id = ?'),
      setPartitionsCount: db.prepare('UPDATE kafka_topics SET partitions_count = ? WHERE topic_id = ?'),
      deleteTopic: db.prepare('DELETE FROM kafka_topics WHERE topic_id = ?'),
      deletePartitions: db.prepare('DELETE FROM kafka_partitions WHERE topic_id = ?'),
      deleteBatches: db.prepare('DELETE FROM kafka_batches WHERE topic_id = ?'),
      deleteGroupOffsets: db.prepare('DELETE FROM kafka_consumer_offsets WHERE cluster = ? AND topic = ?'),
      insertBatch: db.prepare('INSERT INTO kafka_batches (topic_id, partition, base_offset, last_offset, record_count, max_timestamp, size_bytes, timestamp_type, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      advance: db.prepare('UPDATE kafka_partitions SET next_offset = ?, size_bytes = size_bytes + ? WHERE topic_id = ? AND partition = ?'),
      batchStart: db.prepare<[number, number, number], { base_offset: number }>('SELECT base_offset FROM kafka_batches WHERE topic_id = ? AND partition = ? AND base_offset <= ? ORDER BY base_offset DESC LIMIT 1'),
      batchesFrom: db.prepare<[number, number, number], { base_offset: number; timestamp_type: number; data: Buffer }>('SELECT base_offset, timestamp_type, data FROM kafka_batches WHERE topic_id = ? AND partition = ? AND base_offset >= ? ORDER BY base_offset'),
      batchAtTime: db.prepare<[number, number, number], { base_offset: number; timestamp_type: number; data: Buffer }>('SELECT base_offset, timestamp_type, data FROM kafka_batches WHERE topic_id = ? AND partition = ? AND max_timestamp >= ? ORDER BY base_offset LIMIT 1'),
    };
  }

  /** Opens a store on its own SQLite file (WAL, synchronous=NORMAL). */
  static open(file: string, opts: TopicLogStoreOptions = {}): TopicLogStore {
    const store = new TopicLogStore(openTopicLogDatabase(file), opts);
    store.#owned = true;
    return store;
  }

  /** Closes the database when this store opened it (a handle passed in stays the caller's). */
  close(): void {
    if (this.#owned && this.#db.open) this.#db.close();
  }

  /** The underlying handle, for callers that commit other state in the same transaction. */
  get database(): Database.Database {
    return this.#db;
  }

  /** Creates a topic; throws TopicLogError on a bad name, partition count or config, or a duplicate. */
  createTopic(cluster: string, name: string, opts: CreateTopicOptions): TopicDescription {
    validateTopicName(name);
    if (!Number.isInteger(opts.partitionsCount) || opts.partitionsCount < 1) {
      throw new TopicLogError('invalid-partitions', 'Number of partitions must be larger than 0.', name);
    }
    const configs = sortedConfigs(opts.configs ?? {});
    for (const [k, v] of Object.entries(configs)) validateConfig(k, v);
    if (this.#q.topic.get(cluster, name) !== undefined) {
      throw new TopicLogError('topic-already-exists', `Topic '${name}' already exists.`, name);
    }
    const createdAt = this.#clock.now();
    const description: TopicDescription = { cluster, name, partitionsCount: opts.partitionsCount, configs, createdAt, isInternal: opts.isInternal === true };
    if (opts.validateOnly === true) return description;
    this.#db.transaction(() => {
      const id = Number(this.#q.insertTopic.run(cluster, name, opts.partitionsCount, JSON.stringify(configs), createdAt, opts.isInternal === true ? 1 : 0).lastInsertRowid);
      for (let p = 0; p < opts.partitionsCount; p++) this.#q.insertPartition.run(id, p);
    })();
    return description;
  }

  /** Deletes a topic, its records and the consumer offsets committed for it. */
  deleteTopic(cluster: string, name: string): void {
    const t = this.#topic(cluster, name);
    this.#db.transaction(() => {
      this.#q.deleteBatches.run(t.topic_id);
      this.#q.deletePartitions.run(t.topic_id);
      this.#q.deleteTopic.run(t.topic_id);
      this.#q.deleteGroupOffsets.run(cluster, name);
    })();
  }

  /** True when the topic exists. */
  hasTopic(cluster: string, name: string): boolean {
    return this.#q.topic.get(cluster, name) !== undefined;
  }

  /** Topics of one cluster, sorted by name. */
  listTopics(cluster: string): TopicDescription[] {
    return this.#q.topics.all(cluster).map(describe);
  }

  /** One topic; throws TopicLogError 'unknown-topic' when it does not exist. */
  describeTopic(cluster: string, name: string): TopicDescription {
    return describe(this.#topic(cluster, name));
  }

  /** Sets or deletes dynamic configs, all or nothing; returns the new description. */
  alterConfigs(cluster: string, name: string, changes: readonly ConfigAlteration[], opts: { validateOnly?: boolean } = {}): TopicDescription {
    const t = this.#topic(cluster, name);
    const next: { [name: string]: string } = { ...parseConfigs(t.configs) };
    for (const c of changes) {
      if (c.kind === 'set') {
        validateConfig(c.name, c.value);
        next[c.name] = c.value;
      } else {
        validateConfig(c.name, '', { allowReadOnly: true, skipValue: true });
        delete next[c.name];
      }
    }
    const configs = sortedConfigs(next);
    if (opts.validateOnly !== true) this.#q.setConfigs.run(JSON.stringify(configs), t.topic_id);
    return { ...describe(t), configs };
  }

  /** Grows a topic to `count` partitions; shrinking or keeping the count is an error. */
  increasePartitions(cluster: string, name: string, count: number): TopicDescription {
    const t = this.#topic(cluster, name);
    if (!Number.isInteger(count) || count < t.partitions_count) {
      throw new TopicLogError('invalid-partitions', `Topic currently has ${t.partitions_count} partitions, which is higher than the requested ${count}. Kafka cannot reduce the number of partitions of a topic; delete and re-create it instead.`, name);
    }
    if (count === t.partitions_count) {
      throw new TopicLogError('invalid-partitions', `Topic already has ${count} partitions.`, name);
    }
    this.#db.transaction(() => {
      for (let p = t.partitions_count; p < count; p++) this.#q.insertPartition.run(t.topic_id, p);
      this.#q.setPartitionsCount.run(count, t.topic_id);
    })();
    return { ...describe(t), partitionsCount: count };
  }

  /**
   * Appends records in one transaction (a savepoint inside the caller's transaction) and returns
   * where each landed, in input order. Validates everything before writing anything.
   */
  append(cluster: string, topic: string, records: readonly RecordToAppend[]): AppendedRecord[] {
    const t = this.#topic(cluster, topic);
    const cfg = this.#logConfig(t.configs);
    const now = this.#clock.now();
    const count = t.partitions_count;
    const buckets: (number[] | undefined)[] = [];
    const entries: { offset: number; timestamp: number; key: Buffer | null; value: Buffer | null; headers: readonly RecordHeader[] }[] = new Array(records.length);
    const sizes = new Float64Array(records.length);
    let sticky = -1;
    let stickyBytes = 0;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as RecordToAppend;
      const key = r.key ?? null;
      const value = r.value ?? null;
      const headers: readonly RecordHeader[] = r.headers ?? [];
      let p: number;
      if (r.partition !== undefined) {
        p = r.partition;
        if (!Number.isInteger(p) || p < 0 || p >= count) throw new TopicLogError('unknown-partition', `${UNKNOWN_TOPIC} Partition ${p} does not exist in topic '${topic}' (${count} partitions).`, topic);
      } else if (key !== null) {
        p = partitionForKey(key, count);
      } else {
        // Kafka's producer moves its sticky partition once a batch is full (batch.size): so do we.
        if (sticky < 0 || stickyBytes >= STICKY_BATCH_BYTES) { sticky = this.#sticky.nextPartition(`${cluster}\u0000${topic}`, count); stickyBytes = 0; }
        p = sticky;
        stickyBytes += packedRecordSize(key, value, headers);
      }
      if (key === null && cfg.cleanupCompact) {
        throw new TopicLogError('invalid-record', `Compacted topic cannot accept message without key in topic partition ${topic}-${p}.`, topic);
      }
      const size = packedRecordSize(key, value, headers);
      if (size > cfg.maxMessageBytes) {
        throw new TopicLogError('record-too-large', `The record at index ${i} is ${size} bytes, which is larger than the topic's max.message.bytes of ${cfg.maxMessageBytes}.`, topic);
      }
      const timestamp = cfg.timestampType === 'LogAppendTime' ? now : (r.timestamp ?? now);
      if (cfg.timestampType === 'CreateTime') checkTimestamp(timestamp, now, cfg, i);
      sizes[i] = size;
      entries[i] = { offset: 0, timestamp, key, value, headers };
      const bucket = buckets[p];
      if (bucket === undefined) buckets[p] = [i];
      else bucket.push(i);
    }
    const out = new Array<AppendedRecord>(records.length);
    const tsType = cfg.timestampType === 'LogAppendTime' ? 1 : 0;
    this.#db.transaction(() => {
      for (let p = 0; p < buckets.length; p++) {
        const idx = buckets[p];
        if (idx === undefined) continue;
        const part = this.#partitionRow(t, p);
        const base = part.next_offset;
        // One row per chunk of at most MAX_BATCH_BYTES: a reader decodes a batch from its start to
        // reach an offset, so unbounded batches (a sink's whole checkpoint interval) would make
        // reading them quadratic.
        let chunk: PackedRecordInput[] = [];
        let chunkBase = base;
        let total = 0;
        let maxTs = 0;
        let written = 0;
        const flush = (): void => {
          if (chunk.length === 0) return;
          this.#q.insertBatch.run(t.topic_id, p, chunkBase, chunkBase + chunk.length - 1, chunk.length, maxTs, total, tsType, encodeBatch(chunkBase, chunk, total));
          written += total;
          chunkBase += chunk.length;
          chunk = [];
          total = 0;
          maxTs = 0;
        };
        for (let k = 0; k < idx.length; k++) {
          const i = idx[k] as number;
          const e = entries[i];
          invariant(e !== undefined, 'every appended record was placed in a bucket');
          const size = sizes[i] as number;
          if (chunk.length > 0 && total + size > MAX_BATCH_BYTES) flush();
          e.offset = base + k;
          chunk.push(e);
          total += size;
          if (e.timestamp > maxTs) maxTs = e.timestamp;
          out[i] = { partition: p, offset: base + k, timestamp: e.timestamp };
        }
        flush();
        this.#q.advance.run(base + idx.length, written, t.topic_id, p);
      }
    })();
    return out;
  }

  /** Reads up to `maxRecords` records of one partition starting at `fromOffset`. */
  read(cluster: string, topic: string, partition: number, fromOffset: number, maxRecords: number): ReadResult {
    const t = this.#topic(cluster, topic);
    const part = this.#partitionRow(t, partition);
    const hw = part.next_offset;
    if (fromOffset < part.log_start_offset || fromOffset > hw) {
      throw new TopicLogError('offset-out-of-range', `Offset ${fromOffset} is out of range for ${topic}-${partition}: readable offsets are ${part.log_start_offset} to ${hw}.`, topic);
    }
    const records: LogRecord[] = [];
    if (fromOffset < hw && maxRecords > 0) {
      // Gaps (compaction) mean the range is not dense: scan batches until enough records.
      const start = this.#q.batchStart.get(t.topic_id, partition, fromOffset)?.base_offset ?? fromOffset;
      for (const row of this.#q.batchesFrom.iterate(t.topic_id, partition, start)) {
        const limit = maxRecords - records.length;
        decodeBatch(row.data, { baseOffset: row.base_offset, partition, timestampType: row.timestamp_type === 1 ? 'LogAppendTime' : 'CreateTime', fromOffset, limit }, records);
        if (records.length >= maxRecords) break;
      }
    }
    const last = records[records.length - 1];
    const nextOffset = maxRecords <= 0 ? fromOffset : records.length === maxRecords && last !== undefined ? last.offset + 1 : hw;
    return { records, nextOffset, highWatermark: hw, logStartOffset: part.log_start_offset };
  }

  /** Log start offset and high watermark of every partition, in partition order. */
  partitionOffsets(cluster: string, topic: string): PartitionOffsets[] {
    const t = this.#topic(cluster, topic);
    return this.#q.partitions.all(t.topic_id).map((r) => ({ partition: r.partition, logStartOffset: r.log_start_offset, highWatermark: r.next_offset }));
  }

  /** Log start offset and high watermark of one partition. */
  partitionOffset(cluster: string, topic: string, partition: number): PartitionOffsets {
    const r = this.#partitionRow(this.#topic(cluster, topic), partition);
    return { partition, logStartOffset: r.log_start_offset, highWatermark: r.next_offset };
  }

  /** The first offset whose timestamp is ≥ `timestamp`, or null when there is none. */
  offsetForTimestamp(cluster: string, topic: string, partition: number, timestamp: number): number | null {
    const t = this.#topic(cluster, topic);
    this.#partitionRow(t, partition);
    const row = this.#q.batchAtTime.get(t.topic_id, partition, timestamp);
    if (row === undefined) return null;
    const recs: LogRecord[] = [];
    decodeBatch(row.data, { baseOffset: row.base_offset, partition, timestampType: 'CreateTime', fromOffset: 0, limit: Number.MAX_SAFE_INTEGER }, recs);
    return recs.find((r) => r.timestamp >= timestamp)?.offset ?? null;
  }

  /** Deletes records past retention.ms / retention.bytes (cleanup.policy includes delete). */
  enforceRetention(now: number): MaintenanceReport {
    return this.#eachTopic((t, cfg, report) => { if (cfg.cleanupDelete) this.#cleaner.enforceRetention(t, cfg, now, report); });
  }

  /** Compacts topics whose cleanup.policy includes compact. */
  compact(now: number): MaintenanceReport {
    return this.#eachTopic((t, cfg, report) => { if (cfg.cleanupCompact) this.#cleaner.compact(t, cfg, now, report); });
  }

  /** Merges small adjacent batches (one-record appends) so reads decode few rows. */
  mergeSmallBatches(): MaintenanceReport {
    return this.#eachTopic((t, _cfg, report) => { report.batchesMerged += this.#merger.merge(t); });
  }

  /** Retention, compaction, then merging of small batches; the server calls this periodically. */
  maintenance(now: number): MaintenanceReport {
    const a = this.enforceRetention(now);
    const b = this.compact(now);
    const c = this.mergeSmallBatches();
    return { recordsDeleted: a.recordsDeleted, recordsCompacted: b.recordsCompacted, batchesMerged: c.batchesMerged };
  }

  #eachTopic(fn: (t: TopicRow, cfg: LogConfig, report: { recordsDeleted: number; recordsCompacted: number; batchesMerged: number }) => void): MaintenanceReport {
    const report = { recordsDeleted: 0, recordsCompacted: 0, batchesMerged: 0 };
    for (const t of this.#q.allTopics.all()) fn(t, this.#logConfig(t.configs), report);
    return report;
  }

  #topic(cluster: string, name: string): TopicRow {
    const t = this.#q.topic.get(cluster, name);
    if (t === undefined) throw new TopicLogError('unknown-topic', UNKNOWN_TOPIC, name);
    return t;
  }

  #partitionRow(t: TopicRow, partition: number): PartitionRow {
    const r = Number.isInteger(partition) ? this.#q.partition.get(t.topic_id, partition) : undefined;
    if (r === undefined) throw new TopicLogError('unknown-partition', UNKNOWN_TOPIC, t.name);
    return r;
  }

  /** Parsed configs, memoised by their JSON text (safe under rollbacks: the text is the key). */
  #logConfig(json: string): LogConfig {
    let c = this.#configs.get(json);
    if (c === undefined) {
      c = logConfig(parseConfigs(json));
      if (this.#configs.size > 1000) this.#configs.clear();
      this.#configs.set(json, c);
    }
    return c;
  }
}

/** Throws 'invalid-topic-name' unless the name is one Kafka and Confluent Cloud accept. */
export function validateTopicName(name: string): void {
  if (name === '' || name === '.' || name === '..' || !TOPIC_NAME.test(name) || name.length > 249) {
    throw new TopicLogError('invalid-topic-name', `Topic name '${name}' is illegal: it must be 1 to 249 characters of ASCII letters, digits, '.', '_' and '-', and not '.' or '..'.`, name);
  }
}

function checkTimestamp(ts: number, now: number, cfg: LogConfig, index: number): void {
  if (!Number.isSafeInteger(ts) || ts < 0) {
    throw new TopicLogError('invalid-timestamp', `The record at index ${index} has an invalid timestamp ${ts}: expected milliseconds since the epoch.`);
  }
  if (now - ts > cfg.timestampBeforeMaxMs || ts - now > cfg.timestampAfterMaxMs) {
    throw new TopicLogError('invalid-timestamp', `The record at index ${index} has timestamp ${ts}, outside the range the topic's message.timestamp.*.max.ms configs allow around ${now}.`);
  }
}

function describe(t: TopicRow): TopicDescription {
  return { cluster: t.cluster, name: t.name, partitionsCount: t.partitions_count, configs: parseConfigs(t.configs), createdAt: t.created_at, isInternal: t.is_internal === 1 };
}

function parseConfigs(json: string): { readonly [name: string]: string } {
  return JSON.parse(json) as { [name: string]: string };
}

function sortedConfigs(c: { readonly [name: string]: string }): { readonly [name: string]: string } {
  const out: { [name: string]: string } = {};
  for (const k of Object.keys(c).sort()) {
    const v = c[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
