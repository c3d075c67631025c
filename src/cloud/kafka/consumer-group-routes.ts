/** Kafka REST v3 consumer-group routes: list, get, per-partition lags and the lag summary. */
import { ApiError, type HttpRequest, type Route } from '../http/index.js';
import { groupAccess, type KafkaRouteContext } from './kafka-route-context.js';
import { clusterUrl, groupBody, lagBody, lagSummaryBody, listBody } from './kafka-rest-shapes.js';
import type { ConsumerGroup } from './types.js';

/** Routes under `/consumer-groups`. */
export function consumerGroupRoutes(ctx: KafkaRouteContext): Route[] {
  const { groups, route } = ctx;
  const group = (req: HttpRequest, cluster: string): ConsumerGroup => {
    const id = req.params['group_id'] ?? '';
    const g = groups.describeGroup(cluster, id);
    if (g === undefined) throw new ApiError(404, 404, `Consumer group ${id} not found.`);
    return g;
  };
  return [
    route({ method: 'GET', path: '/consumer-groups', access: groupAccess('Describe', () => '*') }, (req, cluster) => ({
      status: 200,
      body: listBody('KafkaConsumerGroupList', `${clusterUrl(req, cluster)}/consumer-groups`, groups.listGroups(cluster).map((g) => groupBody(req, g))),
    })),
    route({ method: 'GET', path: '/consumer-groups/:group_id', access: groupAccess('Describe') }, (req, cluster) => ({ status: 200, body: groupBody(req, group(req, cluster)) })),
    route({ method: 'GET', path: '/consumer-groups/:group_id/lags', access: groupAccess('Describe') }, (req, cluster) => {
      const g = group(req, cluster);
      const lag = groups.groupLag(cluster, g.groupId);
      const self = `${clusterUrl(req, cluster)}/consumer-groups/${encodeURIComponent(g.groupId)}/lags`;
      return { status: 200, body: listBody('KafkaConsumerLagList', self, lag.partitions.map((p) => lagBody(req, lag, p))) };
    }),
    route({ method: 'GET', path: '/consumer-groups/:group_id/lags/:topic_name/partitions/:partition_id', access: groupAccess('Describe') }, (req, cluster) => {
      const g = group(req, cluster);
      const lag = groups.groupLag(cluster, g.groupId);
      const one = lag.partitions.find((p) => p.topic === req.params['topic_name'] && String(p.partition) === req.params['partition_id']);
      if (one === undefined) throw new ApiError(404, 404, `Consumer group ${g.groupId} has no committed offset for ${req.params['topic_name'] ?? ''}-${req.params['partition_id'] ?? ''}.`);
      return { status: 200, body: lagBody(req, lag, one) };
    }),
    route({ method: 'GET', path: '/consumer-groups/:group_id/lag-summary', access: groupAccess('Describe') }, (req, cluster) => {
      const g = group(req, cluster);
      return { status: 200, body: lagSummaryBody(req, groups.groupLag(cluster, g.groupId)) };
    }),
  ];
}
