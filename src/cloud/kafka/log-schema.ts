/**
 * The SQLite schema of the topic logs. Records live in packed batches (see record-batch-codec.ts):
 * one row per appended batch per partition, found by (topic_id, partition, base_offset).
 * A rowid table with a separate index, because batch rows are large (blobs of many records) and
 * WITHOUT ROWID tables keep whole rows in the B-tree's interior pages.
 */
import Database from 'better-sqlite3';

/** The DDL; idempotent, so every open runs it. */
export const TOPIC_LOG_DDL = `
CREATE TABLE IF NOT EXISTS kafka_topics (
  topic_id INTEGER PRIMARY KEY AUTOINCREMENT,
  cluster TEXT NOT NULL,
  name TEXT NOT NULL,
  partitions_count INTEGER NOT NULL,
  configs TEXT NOT NULL,             -- JSON object of dynamically set configs only
  created_at INTEGER NOT NULL,
  is_internal INTEGER NOT NULL,
  UNIQUE (cluster, name)
);
CREATE TABLE IF NOT EXISTS kafka_partitions (
  topic_id INTEGER NOT NULL,
  partition INTEGER NOT NULL,
  log_start_offset INTEGER NOT NULL,
  next_offset INTEGER NOT NULL,      -- high watermark: offsets are never reused
  size_bytes INTEGER NOT NULL,       -- sum of packed record sizes, for retention.bytes
  compacted_offset INTEGER NOT NULL, -- next_offset when the cleaner last ran
  compaction_due INTEGER,            -- when the cleaner has work again without new records
  merged_offset INTEGER NOT NULL,    -- batches below this base offset were already merged
  PRIMARY KEY (topic_id, partition)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS kafka_batches (
  batch_id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL,
  partition INTEGER NOT NULL,
  base_offset INTEGER NOT NULL,      -- offset of the first record in the blob
  last_offset INTEGER NOT NULL,
  record_count INTEGER NOT NULL,
  max_timestamp INTEGER NOT NULL,
  size_bytes INTEGER NOT NULL,
  timestamp_type INTEGER NOT NULL,   -- 0 CreateTime, 1 LogAppendTime
  data BLOB NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS kafka_batches_by_offset ON kafka_batches (topic_id, partition, base_offset);
CREATE TABLE IF NOT EXISTS kafka_consumer_offsets (
  cluster TEXT NOT NULL,
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  committed_offset INTEGER NOT NULL,
  metadata TEXT NOT NULL,
  committed_at INTEGER NOT NULL,
  PRIMARY KEY (cluster, group_id, topic, partition)
) WITHOUT ROWID;
`;

/**
 * Opens (creating when needed) a SQLite file for topic logs: WAL with synchronous=NORMAL.
 * In WAL mode NORMAL syncs only at checkpoints, so a committed transaction survives a process
 * crash (kill -9: the WAL is in the OS page cache) but the last commits may be lost on power loss
 * or an OS crash. That is the durability the local cloud promises.
 */
export function openTopicLogDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Creates the topic-log tables in `db` when missing. */
export function ensureTopicLogSchema(db: Database.Database): void {
  db.exec(TOPIC_LOG_DDL);
}
