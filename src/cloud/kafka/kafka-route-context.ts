/** What every Kafka REST route group receives (kept apart so route files do not import each other). */
import type { Handler, HttpMethod, HttpRequest, Route } from '../http/index.js';
import type { Clock } from '../../shared/index.js';
import type { TopicLogStore } from './topic-log-store.js';
import type { ConsumerOffsets } from './consumer-offsets.js';
import type { AclStore } from './acl-store.js';

/** The resource a route acts on, for role-based authorization: `…/kafka=lkc-x/topic=<name>`. */
export interface KafkaAccess {
  /** `cluster` means the cluster's Kafka resource itself (ACLs). */
  readonly resource: 'topic' | 'group' | 'cluster';
  /** 'Describe', 'Manage', 'Write' or 'Read', as the roles in cloud/auth name them. */
  readonly operation: string;
  readonly name: (req: HttpRequest) => string;
}

/** One route: method, path below `/kafka/v3/clusters/:cluster_id`, and what it accesses. */
export interface KafkaRouteDef {
  readonly method: HttpMethod;
  readonly path: string;
  readonly access: KafkaAccess;
}

/** The store, consumer offsets, ACLs, the clock and a builder that adds the cluster check. */
export interface KafkaRouteContext {
  readonly store: TopicLogStore;
  readonly groups: ConsumerOffsets;
  readonly acls: AclStore;
  readonly clock: Clock;
  readonly route: (def: KafkaRouteDef, handler: (req: HttpRequest, cluster: string) => ReturnType<Handler>) => Route;
}

/** The `:topic_name` parameter. */
export function topicParam(req: HttpRequest): string {
  return req.params['topic_name'] ?? '';
}

/** `topic_name` from a create-topic body ('' when absent: the handler reports that). */
export function bodyTopicName(req: HttpRequest): string {
  const b = req.body;
  if (typeof b !== 'object' || b === null) return '';
  const name = (b as { readonly [k: string]: unknown })['topic_name'];
  return typeof name === 'string' ? name : '';
}

/** Access to a topic named by the path (or by `name`). */
export function topicAccess(operation: string, name: (req: HttpRequest) => string = topicParam): KafkaAccess {
  return { resource: 'topic', operation, name };
}

/** Access to a consumer group named by the path (or by `name`). */
export function groupAccess(operation: string, name: (req: HttpRequest) => string = (req) => req.params['group_id'] ?? ''): KafkaAccess {
  return { resource: 'group', operation, name };
}
