/** Row shapes of the topic-log tables (see log-schema.ts), shared by the store and the cleaner. */

/** A kafka_topics row. */
export interface TopicRow {
  readonly topic_id: number;
  readonly cluster: string;
  readonly name: string;
  readonly partitions_count: number;
  /** JSON object of dynamically set configs. */
  readonly configs: string;
  readonly created_at: number;
  readonly is_internal: number;
}

/** A kafka_partitions row. */
export interface PartitionRow {
  readonly topic_id: number;
  readonly partition: number;
  readonly log_start_offset: number;
  readonly next_offset: number;
  readonly size_bytes: number;
  readonly compacted_offset: number;
  readonly compaction_due: number | null;
  readonly merged_offset: number;
}

/** A kafka_batches row. */
export interface BatchRow {
  readonly batch_id: number;
  readonly base_offset: number;
  readonly last_offset: number;
  readonly record_count: number;
  readonly max_timestamp: number;
  readonly size_bytes: number;
  readonly timestamp_type: number;
  readonly data: Buffer;
}
