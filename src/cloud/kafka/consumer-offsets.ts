/**
 * Consumer groups as the local cloud knows them: committed offsets per (group, topic, partition)
 * and the lag against each partition's log end offset, shaped for Kafka REST v3's lag endpoints.
 * A group exists once it has committed an offset; there are no live members, so it is EMPTY.
 */
import type Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../shared/index.js';
import type { CommittedOffset, ConsumerGroup, GroupLag, PartitionLag } from './types.js';
import type { TopicLogStore } from './topic-log-store.js';
import { TopicLogError } from './topic-log-error.js';

interface OffsetRow {
  readonly topic: string;
  readonly partition: number;
  readonly committed_offset: number;
  readonly metadata: string;
  readonly committed_at: number;
}

/** Committed consumer offsets, in the same database (and transactions) as the topic logs. */
export class ConsumerOffsets {
  readonly #store: TopicLogStore;
  readonly #db: Database.Database;
  readonly #clock: Clock;
  readonly #q;

  constructor(store: TopicLogStore, opts: { clock?: Clock } = {}) {
    this.#store = store;
    this.#db = store.database;
    this.#clock = opts.clock ?? systemClock;
    this.#q = {
      upsert: this.#db.prepare('INSERT INTO kafka_consumer_offsets (cluster, group_id, topic, partition, committed_offset, metadata, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cluster, group_id, topic, partition) DO UPDATE SET committed_offset = excluded.committed_offset, metadata = excluded.metadata, committed_at = excluded.committed_at'),
      fetch: this.#db.prepare<[string, string], OffsetRow>('SELECT topic, partition, committed_offset, metadata, committed_at FROM kafka_consumer_offsets WHERE cluster = ? AND group_id = ? ORDER BY topic, partition'),
      groups: this.#db.prepare<[string], { group_id: string }>('SELECT DISTINCT group_id FROM kafka_consumer_offsets WHERE cluster = ? ORDER BY group_id'),
    };
  }

  /** Commits offsets for a group in one transaction; unknown topics or partitions are errors. */
  commitOffsets(cluster: string, groupId: string, offsets: readonly { topic: string; partition: number; offset: number; metadata?: string }[]): void {
    for (const o of offsets) {
      const range = this.#store.partitionOffset(cluster, o.topic, o.partition);
      if (!Number.isSafeInteger(o.offset) || o.offset < 0) {
        throw new TopicLogError('offset-out-of-range', `Cannot commit offset ${o.offset} for ${o.topic}-${o.partition}: offsets are non-negative integers (log end offset ${range.highWatermark}).`, o.topic);
      }
    }
    const now = this.#clock.now();
    this.#db.transaction(() => {
      for (const o of offsets) this.#q.upsert.run(cluster, groupId, o.topic, o.partition, o.offset, o.metadata ?? '', now);
    })();
  }

  /** Committed offsets of a group, sorted by topic and partition; empty when the group is unknown. */
  fetchOffsets(cluster: string, groupId: string): CommittedOffset[] {
    return this.#q.fetch.all(cluster, groupId).map((r) => ({ topic: r.topic, partition: r.partition, offset: r.committed_offset, metadata: r.metadata, committedAt: r.committed_at }));
  }

  /** Groups of a cluster, sorted by id. */
  listGroups(cluster: string): ConsumerGroup[] {
    return this.#q.groups.all(cluster).map((r) => groupOf(cluster, r.group_id));
  }

  /** One group, or undefined when it has never committed. */
  describeGroup(cluster: string, groupId: string): ConsumerGroup | undefined {
    return this.#q.fetch.get(cluster, groupId) === undefined ? undefined : groupOf(cluster, groupId);
  }

  /** Per-partition lag (log end offset minus committed offset, never negative) and its summary. */
  groupLag(cluster: string, groupId: string): GroupLag {
    const partitions: PartitionLag[] = [];
    for (const o of this.fetchOffsets(cluster, groupId)) {
      if (!this.#store.hasTopic(cluster, o.topic)) continue;
      const end = this.#store.partitionOffset(cluster, o.topic, o.partition).highWatermark;
      partitions.push({ topic: o.topic, partition: o.partition, currentOffset: o.offset, logEndOffset: end, lag: Math.max(0, end - o.offset) });
    }
    let maxLag: PartitionLag | undefined;
    let totalLag = 0;
    for (const p of partitions) {
      totalLag += p.lag;
      if (maxLag === undefined || p.lag > maxLag.lag) maxLag = p;
    }
    return maxLag === undefined ? { cluster, groupId, partitions, totalLag } : { cluster, groupId, partitions, totalLag, maxLag };
  }
}

function groupOf(cluster: string, groupId: string): ConsumerGroup {
  return { cluster, groupId, state: 'EMPTY', isSimple: true };
}
