/** Plain data crossing the topic-log boundary: records, topics, configs, consumer offsets. */

export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** One record header; Kafka allows repeated keys and null values. */
export interface RecordHeader {
  readonly key: string;
  readonly value: Buffer | null;
}

/** A record as stored in a partition log. Offsets stay below 2^53, so they are plain numbers. */
export interface LogRecord {
  readonly partition: number;
  readonly offset: number;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly timestampType: TimestampType;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

/** A record handed to `append`: partition and timestamp are optional (partitioner, clock). */
export interface RecordToAppend {
  readonly partition?: number;
  readonly timestamp?: number;
  readonly key?: Buffer | null;
  readonly value?: Buffer | null;
  readonly headers?: readonly RecordHeader[];
}

/** Where an appended record landed. */
export interface AppendedRecord {
  readonly partition: number;
  readonly offset: number;
  /** The stored timestamp (differs from the request under LogAppendTime). */
  readonly timestamp: number;
}

/** The result of a read: records plus where to continue (offsets have gaps after compaction). */
export interface ReadResult {
  readonly records: readonly LogRecord[];
  /** The offset to pass to the next read. */
  readonly nextOffset: number;
  /** The next offset to be written (log end offset). */
  readonly highWatermark: number;
  readonly logStartOffset: number;
}

/** Earliest and latest offsets of one partition. */
export interface PartitionOffsets {
  readonly partition: number;
  /** First offset still readable (moves forward with retention). */
  readonly logStartOffset: number;
  /** Next offset to be written. */
  readonly highWatermark: number;
}

/** Topic metadata; `configs` holds only dynamically set configs (what Terraform keeps in state). */
export interface TopicDescription {
  readonly cluster: string;
  readonly name: string;
  readonly partitionsCount: number;
  readonly configs: { readonly [name: string]: string };
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly isInternal: boolean;
}

/** Options for createTopic. */
export interface CreateTopicOptions {
  readonly partitionsCount: number;
  readonly configs?: { readonly [name: string]: string };
  readonly isInternal?: boolean;
  /** Validate everything and return the would-be description without creating anything. */
  readonly validateOnly?: boolean;
}

/** One change in alterConfigs: SET a dynamic value or DELETE it (back to the default). */
export type ConfigAlteration =
  | { readonly kind: 'set'; readonly name: string; readonly value: string }
  | { readonly kind: 'delete'; readonly name: string };

/** Kafka config value types, as Kafka's ConfigDef names them. */
export type ConfigType = 'boolean' | 'string' | 'int' | 'long' | 'double' | 'list';

/** Where an effective config value comes from (Kafka REST `source`). */
export type ConfigSource = 'DYNAMIC_TOPIC_CONFIG' | 'DEFAULT_CONFIG';

/** Definition of one topic config: type, default and allowed values. */
export interface ConfigDefinition {
  readonly name: string;
  readonly type: ConfigType;
  /** The server default, as a string (as Kafka REST shows it). */
  readonly defaultValue: string;
  /** Allowed values for enumerated configs (for lists: allowed elements). */
  readonly validValues?: readonly string[];
  /** Inclusive lower bound for numeric configs. */
  readonly min?: number;
  /** Inclusive upper bound for numeric configs. */
  readonly max?: number;
  /** True when the server refuses to change it (Kafka REST `is_read_only`). */
  readonly readOnly: boolean;
  readonly sensitive: boolean;
  /** The broker-level config it falls back to, shown as a synonym. */
  readonly brokerSynonym?: string;
}

/** The effective value of one topic config, as Kafka REST lists it. */
export interface EffectiveConfig {
  readonly name: string;
  readonly value: string;
  readonly isDefault: boolean;
  readonly isReadOnly: boolean;
  readonly isSensitive: boolean;
  readonly source: ConfigSource;
  readonly synonyms: readonly { readonly name: string; readonly value: string; readonly source: ConfigSource }[];
}

/** The typed, parsed configs the log needs on its hot paths. */
export interface LogConfig {
  readonly cleanupDelete: boolean;
  readonly cleanupCompact: boolean;
  /** -1 = infinite. */
  readonly retentionMs: number;
  /** -1 = unlimited. */
  readonly retentionBytes: number;
  readonly deleteRetentionMs: number;
  readonly minCompactionLagMs: number;
  readonly maxMessageBytes: number;
  readonly timestampType: TimestampType;
  /** Infinity when unbounded. */
  readonly timestampBeforeMaxMs: number;
  readonly timestampAfterMaxMs: number;
}

/** One committed consumer offset. */
export interface CommittedOffset {
  readonly topic: string;
  readonly partition: number;
  /** The next offset the group will read. */
  readonly offset: number;
  readonly metadata: string;
  readonly committedAt?: number;
}

/** A consumer group known to the cluster (groups exist once they have committed offsets). */
export interface ConsumerGroup {
  readonly cluster: string;
  readonly groupId: string;
  /** Groups here have no live members: Kafka reports them as EMPTY. */
  readonly state: 'EMPTY' | 'STABLE';
  readonly isSimple: boolean;
}

/** Lag of one partition for one group. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly currentOffset: number;
  readonly logEndOffset: number;
  readonly lag: number;
}

/** Lag of a group: per partition plus the summary Kafka REST's lag-summary shows. */
export interface GroupLag {
  readonly cluster: string;
  readonly groupId: string;
  readonly partitions: readonly PartitionLag[];
  readonly totalLag: number;
  /** The partition with the largest lag (first in topic/partition order on ties). */
  readonly maxLag?: PartitionLag;
}

/** Kafka ACL resource types a binding can name (filters also accept ANY). */
export type AclResourceType = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID' | 'DELEGATION_TOKEN';

/** How a binding's resource name matches: exactly, or as a prefix. */
export type AclPatternType = 'LITERAL' | 'PREFIXED';

/** Kafka ACL operations a binding can grant or deny. */
export type AclOperation =
  | 'ALL' | 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE' | 'CLUSTER_ACTION'
  | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS' | 'IDEMPOTENT_WRITE';

/** One ACL binding of a cluster, in Kafka REST's field names' order. */
export interface AclBinding {
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly patternType: AclPatternType;
  /** `User:sa-xxxxx`, `User:*`, … */
  readonly principal: string;
  /** `*` or an address. */
  readonly host: string;
  readonly operation: AclOperation;
  readonly permission: 'ALLOW' | 'DENY';
}

/**
 * A filter over bindings (Kafka's AclBindingFilter): an absent field or ANY matches everything;
 * pattern type MATCH matches the bindings that apply to `resourceName` (the literal name, the
 * `*` wildcard and every prefix of it).
 */
export interface AclFilter {
  readonly resourceType?: AclResourceType | 'ANY';
  readonly resourceName?: string;
  readonly patternType?: AclPatternType | 'ANY' | 'MATCH';
  readonly principal?: string;
  readonly host?: string;
  readonly operation?: AclOperation | 'ANY';
  readonly permission?: 'ALLOW' | 'DENY' | 'ANY';
}
