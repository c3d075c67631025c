/**
 * Kafka REST v3 routes under `/kafka/v3/clusters/:cluster_id`: topics, partitions, configs,
 * produce, record reads (a streamform extension), consumer groups and ACLs, composed from one file per route group.
 */
import { ApiError, type Authorization, type Route } from '../http/index.js';
import { topicAccess, bodyTopicName, topicParam, type KafkaAccess, type KafkaRouteContext } from './kafka-route-context.js';
import type { Clock } from '../../shared/index.js';
import type { TopicLogStore } from './topic-log-store.js';
import { ConsumerOffsets } from './consumer-offsets.js';
import { clusterUrl, listBody, partitionBody, REPLICATION_FACTOR, toApiError, topicBody } from './kafka-rest-shapes.js';
import { topicConfigRoutes } from './topic-config-routes.js';
import { produceRecordRoutes } from './produce-record-routes.js';
import { consumerGroupRoutes } from './consumer-group-routes.js';
import { AclStore } from './acl-store.js';
import { aclRoutes } from './acl-routes.js';
import { recordReadRoutes } from './record-read-routes.js';
import { readConfigList, readInteger, readObject } from './kafka-rest-body.js';

/** Options for kafkaRestRoutes. */
export interface KafkaRestOptions {
  /** True when the cluster id is a Kafka cluster of the control plane. */
  readonly clusterExists: (id: string) => boolean;
  readonly clock: Clock;
  /** Consumer offsets over the same store; created on the store's database when absent. */
  readonly consumerOffsets?: ConsumerOffsets;
  /** ACL bindings over the same database; created on the store's database when absent. */
  readonly acls?: AclStore;
  /**
   * The CRN of a cluster's Kafka resource (`crn://confluent.cloud/organization=…/environment=…/
   * cloud-cluster=lkc-x/kafka=lkc-x`); when given, routes carry `authz` for topics and groups.
   */
  readonly kafkaCrn?: (clusterId: string) => string | undefined;
}

/** Every Kafka REST v3 route the local cloud serves. */
export function kafkaRestRoutes(store: TopicLogStore, opts: KafkaRestOptions): Route[] {
  const ctx: KafkaRouteContext = {
    store,
    groups: opts.consumerOffsets ?? new ConsumerOffsets(store, { clock: opts.clock }),
    acls: opts.acls ?? new AclStore(store.database),
    clock: opts.clock,
    route: (def, handler) => ({
      method: def.method,
      pattern: `/kafka/v3/clusters/:cluster_id${def.path}`,
      envelope: 'kafka-rest',
      ...(opts.kafkaCrn === undefined ? {} : { authz: authzFor(def.access, opts.kafkaCrn) }),
      handler: async (req) => {
        const cluster = req.params['cluster_id'] ?? '';
        if (!opts.clusterExists(cluster)) throw new ApiError(404, 404, `Cluster ${cluster} not found`);
        try {
          return await handler(req, cluster);
        } catch (err) {
          throw toApiError(err);
        }
      },
    }),
  };
  return [...topicRoutes(ctx), ...topicConfigRoutes(ctx), ...produceRecordRoutes(ctx), ...recordReadRoutes(ctx), ...consumerGroupRoutes(ctx), ...aclRoutes(ctx)];
}

function authzFor(access: KafkaAccess, kafkaCrn: (clusterId: string) => string | undefined): Authorization {
  return {
    operation: access.operation,
    crn: (req) => {
      const cluster = req.params['cluster_id'] ?? '';
      const kafka = kafkaCrn(cluster) ?? `crn://confluent.cloud/kafka=${cluster}`;
      return access.resource === 'cluster' ? kafka : `${kafka}/${access.resource}=${access.name(req)}`;
    },
  };
}

function topicRoutes(ctx: KafkaRouteContext): Route[] {
  const { store, route } = ctx;
  return [
    route({ method: 'GET', path: '/topics', access: topicAccess('Describe', () => '*') }, (req, cluster) => ({
      status: 200,
      body: listBody('KafkaTopicList', `${clusterUrl(req, cluster)}/topics`, store.listTopics(cluster).map((t) => topicBody(req, t))),
    })),
    route({ method: 'POST', path: '/topics', access: topicAccess('Manage', bodyTopicName) }, (req, cluster) => {
      const body = readObject(req.body);
      const name = body['topic_name'];
      if (typeof name !== 'string' || name === '') throw new ApiError(400, 40001, "Request body requires 'topic_name' (a string).");
      const partitions = readInteger(body, 'partitions_count') ?? 6;
      const rf = readInteger(body, 'replication_factor');
      if (rf !== undefined && rf !== REPLICATION_FACTOR) {
        throw new ApiError(400, 40002, `Topic replication factor must be ${REPLICATION_FACTOR} on Confluent Cloud, got ${rf}.`);
      }
      const configs: { [name: string]: string } = {};
      for (const c of readConfigList(body['configs'], 'configs')) {
        if (c.value === null) throw new ApiError(400, 40002, `Config '${c.name}' needs a value.`);
        configs[c.name] = c.value;
      }
      const t = store.createTopic(cluster, name, { partitionsCount: partitions, configs, validateOnly: body['validate_only'] === true });
      return { status: 201, body: topicBody(req, t) };
    }),
    route({ method: 'GET', path: '/topics/:topic_name', access: topicAccess('Describe') }, (req, cluster) => ({ status: 200, body: topicBody(req, store.describeTopic(cluster, topicParam(req))) })),
    route({ method: 'DELETE', path: '/topics/:topic_name', access: topicAccess('Manage') }, (req, cluster) => {
      store.deleteTopic(cluster, topicParam(req));
      return { status: 204 };
    }),
    route({ method: 'PATCH', path: '/topics/:topic_name', access: topicAccess('Manage') }, (req, cluster) => {
      const count = readInteger(readObject(req.body), 'partitions_count');
      const name = topicParam(req);
      if (count === undefined) return { status: 200, body: topicBody(req, store.describeTopic(cluster, name)) };
      return { status: 200, body: topicBody(req, store.increasePartitions(cluster, name, count)) };
    }),
    route({ method: 'GET', path: '/topics/:topic_name/partitions', access: topicAccess('Describe') }, (req, cluster) => {
      const t = store.describeTopic(cluster, topicParam(req));
      const data = Array.from({ length: t.partitionsCount }, (_, p) => partitionBody(req, cluster, t.name, p));
      return { status: 200, body: listBody('KafkaPartitionList', `${clusterUrl(req, cluster)}/topics/${encodeURIComponent(t.name)}/partitions`, data) };
    }),
    route({ method: 'GET', path: '/topics/:topic_name/partitions/:partition_id', access: topicAccess('Describe') }, (req, cluster) => {
      const name = topicParam(req);
      const raw = req.params['partition_id'] ?? '';
      const p = /^\d+$/.test(raw) ? Number(raw) : -1;
      store.partitionOffset(cluster, name, p);
      return { status: 200, body: partitionBody(req, cluster, name, p) };
    }),
  ];
}
