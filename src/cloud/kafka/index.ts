/**
 * kafka: the local cloud's topic logs — topics, partitions, append-only partition logs with
 * Kafka's partitioner, configs, retention and compaction, consumer-group offsets, ACL bindings —
 * plus the Kafka REST v3 routes over them (and two streamform extensions, marked as such in
 * record-read-routes.ts: reading records and committing offsets over HTTP). Must not depend on
 * provisioner/ (or anything above cloud/); it depends only on shared/ and cloud/http's route
 * contract.
 *
 * Storage: one SQLite file per data dir (the cloud's single database), not one per cluster.
 * The Flink runtime commits source offsets, operator state and sink records in ONE transaction;
 * a statement may read from one cluster's topics and write to another's, which one file makes a
 * plain transaction (per-cluster files would need ATTACH, whose multi-file commits are not atomic
 * in WAL mode). The cost is one writer at a time across clusters, which a local cloud can afford.
 * So TopicLogStore takes a Database (`new TopicLogStore(db)`) or opens its own file
 * (`TopicLogStore.open(file)`), and exposes `store.database`; its writes nest as savepoints
 * inside a caller's `db.transaction(...)`.
 *
 * Durability: `openTopicLogDatabase` uses WAL + synchronous=NORMAL. A committed transaction
 * survives a process crash (kill -9); the last commits may be lost on power loss or an OS crash.
 * Given a handle with synchronous=FULL (the control plane's cloud.db), each commit is also
 * fsynced: durable against power loss, at one fsync per append call, so batch appends.
 */
export type {
  AppendedRecord, CommittedOffset, ConfigAlteration, ConfigDefinition, ConfigSource, ConfigType,
  ConsumerGroup, CreateTopicOptions, EffectiveConfig, GroupLag, LogConfig, LogRecord,
  PartitionLag, PartitionOffsets, ReadResult, RecordHeader, RecordToAppend, TimestampType,
  TopicDescription, AclBinding, AclFilter, AclOperation, AclPatternType, AclResourceType,
} from './types.js';
export { TopicLogError, type TopicLogErrorCode } from './topic-log-error.js';
export { TOPIC_CONFIGS, configDefinition, effectiveConfig, effectiveConfigs, logConfig, validateConfig } from './topic-configs.js';
export { murmur2, toPositive, partitionForKey } from './murmur2-partitioner.js';
export { TopicLogStore, validateTopicName, type TopicLogStoreOptions } from './topic-log-store.js';
export type { MaintenanceReport } from './log-cleaner.js';
export { ConsumerOffsets } from './consumer-offsets.js';
export { openTopicLogDatabase, ensureTopicLogSchema } from './log-schema.js';
export { kafkaRestRoutes, type KafkaRestOptions } from './kafka-rest-routes.js';
export { AclStore } from './acl-store.js';

export { startKafkaListener, SUPPORTED_APIS, type KafkaListener, type KafkaListenerOptions, type ConnectionInfo } from './wire/index.js';
