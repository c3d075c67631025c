/**
 * Kafka REST v3 response bodies (Confluent's shapes: kind, metadata {self, resource_name},
 * `related` links) and the translation of TopicLogError into Kafka REST error codes.
 */
import { ApiError, type HttpRequest } from '../http/index.js';
import type { ConsumerGroup, EffectiveConfig, GroupLag, PartitionLag, TopicDescription } from './types.js';
import { TopicLogError } from './topic-log-error.js';

/** Confluent Cloud topics always have three replicas. */
export const REPLICATION_FACTOR = 3;

/** Base path of one cluster's Kafka REST resources, as an absolute URL. */
export function clusterUrl(req: HttpRequest, cluster: string): string {
  return `${req.baseUrl}/kafka/v3/clusters/${encodeURIComponent(cluster)}`;
}

function topicUrl(req: HttpRequest, cluster: string, topic: string): string {
  return `${clusterUrl(req, cluster)}/topics/${encodeURIComponent(topic)}`;
}

/** A `{kind: "...List", metadata: {self, next: null}, data}` list body. */
export function listBody(kind: string, self: string, data: readonly unknown[]): unknown {
  return { kind, metadata: { self, next: null }, data };
}

/** The KafkaTopic body. */
export function topicBody(req: HttpRequest, t: TopicDescription): unknown {
  const self = topicUrl(req, t.cluster, t.name);
  return {
    kind: 'KafkaTopic',
    metadata: { self, resource_name: `crn:///kafka=${t.cluster}/topic=${t.name}` },
    cluster_id: t.cluster,
    topic_name: t.name,
    is_internal: t.isInternal,
    replication_factor: REPLICATION_FACTOR,
    partitions_count: t.partitionsCount,
    partitions: { related: `${self}/partitions` },
    configs: { related: `${self}/configs` },
    partition_reassignments: { related: `${self}/partitions/-/reassignment` },
    authorized_operations: [],
  };
}

/** The KafkaPartition body. */
export function partitionBody(req: HttpRequest, cluster: string, topic: string, partition: number): unknown {
  const self = `${topicUrl(req, cluster, topic)}/partitions/${partition}`;
  return {
    kind: 'KafkaPartition',
    metadata: { self, resource_name: `crn:///kafka=${cluster}/topic=${topic}/partition=${partition}` },
    cluster_id: cluster,
    topic_name: topic,
    partition_id: partition,
    leader: { related: `${self}/replicas/0` },
    replicas: { related: `${self}/replicas` },
    reassignment: { related: `${self}/reassignment` },
  };
}

/** The KafkaTopicConfig body; sensitive values are hidden as Kafka REST does. */
export function configBody(req: HttpRequest, cluster: string, topic: string, c: EffectiveConfig): unknown {
  return {
    kind: 'KafkaTopicConfig',
    metadata: { self: `${topicUrl(req, cluster, topic)}/configs/${c.name}`, resource_name: `crn:///kafka=${cluster}/topic=${topic}/config=${c.name}` },
    cluster_id: cluster,
    topic_name: topic,
    name: c.name,
    value: c.isSensitive ? null : c.value,
    is_default: c.isDefault,
    is_read_only: c.isReadOnly,
    is_sensitive: c.isSensitive,
    source: c.source,
    synonyms: c.synonyms.map((s) => ({ name: s.name, value: c.isSensitive ? null : s.value, source: s.source })),
  };
}

/** The KafkaConsumerGroup body. */
export function groupBody(req: HttpRequest, g: ConsumerGroup): unknown {
  const self = `${clusterUrl(req, g.cluster)}/consumer-groups/${encodeURIComponent(g.groupId)}`;
  return {
    kind: 'KafkaConsumerGroup',
    metadata: { self, resource_name: `crn:///kafka=${g.cluster}/consumer-group=${g.groupId}` },
    cluster_id: g.cluster,
    consumer_group_id: g.groupId,
    is_simple: g.isSimple,
    partition_assignor: '',
    state: g.state,
    type: 'CLASSIC',
    is_mixed_consumer_group: false,
    coordinator: { related: `${clusterUrl(req, g.cluster)}/brokers/0` },
    consumers: { related: `${self}/consumers` },
    lag_summary: { related: `${self}/lag-summary` },
  };
}

/** The KafkaConsumerLag body of one partition. */
export function lagBody(req: HttpRequest, lag: GroupLag, p: PartitionLag): unknown {
  const self = `${clusterUrl(req, lag.cluster)}/consumer-groups/${encodeURIComponent(lag.groupId)}/lags/${encodeURIComponent(p.topic)}/partitions/${p.partition}`;
  return {
    kind: 'KafkaConsumerLag',
    metadata: { self, resource_name: `crn:///kafka=${lag.cluster}/consumer-group=${lag.groupId}/lag=${p.topic}/partition=${p.partition}` },
    cluster_id: lag.cluster,
    consumer_group_id: lag.groupId,
    topic_name: p.topic,
    partition_id: p.partition,
    current_offset: p.currentOffset,
    log_end_offset: p.logEndOffset,
    lag: p.lag,
    consumer_id: '',
    instance_id: null,
    client_id: '',
  };
}

/** The KafkaConsumerGroupLagSummary body. */
export function lagSummaryBody(req: HttpRequest, lag: GroupLag): unknown {
  const self = `${clusterUrl(req, lag.cluster)}/consumer-groups/${encodeURIComponent(lag.groupId)}/lag-summary`;
  const max = lag.maxLag;
  return {
    kind: 'KafkaConsumerGroupLagSummary',
    metadata: { self, resource_name: `crn:///kafka=${lag.cluster}/consumer-group=${lag.groupId}/lag-summary` },
    cluster_id: lag.cluster,
    consumer_group_id: lag.groupId,
    max_lag_consumer_id: '',
    max_lag_instance_id: null,
    max_lag_client_id: '',
    max_lag_topic_name: max?.topic ?? '',
    max_lag_partition_id: max?.partition ?? 0,
    max_lag: max?.lag ?? 0,
    total_lag: lag.totalLag,
    max_lag_consumer: { related: `${clusterUrl(req, lag.cluster)}/consumer-groups/${encodeURIComponent(lag.groupId)}/consumers/` },
    max_lag_partition: { related: max === undefined ? null : `${topicUrl(req, lag.cluster, max.topic)}/partitions/${max.partition}` },
  };
}

/**
 * Kafka REST's view of a store error: 40403 unknown topic, 40402 unknown partition, 40002 for
 * everything Kafka itself rejects (exists, bad config, bad partitions, record too large).
 */
export function toApiError(err: unknown): unknown {
  if (!(err instanceof TopicLogError)) return err;
  switch (err.code) {
    case 'unknown-topic': return new ApiError(404, 40403, err.message);
    case 'unknown-partition': return new ApiError(404, 40402, err.message);
    case 'record-too-large': return new ApiError(413, 413, err.message);
    case 'invalid-topic-name':
    case 'topic-already-exists':
    case 'invalid-partitions':
    case 'unknown-config':
    case 'invalid-config':
    case 'read-only-config':
    case 'invalid-record':
    case 'invalid-timestamp':
    case 'offset-out-of-range':
      return new ApiError(400, 40002, err.message);
  }
}
