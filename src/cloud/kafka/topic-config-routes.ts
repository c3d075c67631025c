/** Kafka REST v3 topic config routes: list, get, set, reset and batch alter (`configs:alter`). */
import { ApiError, type Route } from '../http/index.js';
import { topicAccess, topicParam, type KafkaRouteContext } from './kafka-route-context.js';
import { clusterUrl, configBody, listBody } from './kafka-rest-shapes.js';
import { configDefinition, effectiveConfig, effectiveConfigs } from './topic-configs.js';
import { readConfigList, readObject } from './kafka-rest-body.js';
import type { ConfigAlteration } from './types.js';

/** Routes under `/topics/:topic_name/configs`. */
export function topicConfigRoutes(ctx: KafkaRouteContext): Route[] {
  const { store, route } = ctx;
  return [
    route({ method: 'GET', path: '/topics/:topic_name/configs', access: topicAccess('Describe') }, (req, cluster) => {
      const t = store.describeTopic(cluster, topicParam(req));
      const data = effectiveConfigs(t.configs).map((c) => configBody(req, cluster, t.name, c));
      return { status: 200, body: listBody('KafkaTopicConfigList', `${clusterUrl(req, cluster)}/topics/${encodeURIComponent(t.name)}/configs`, data) };
    }),
    route({ method: 'GET', path: '/topics/:topic_name/configs/:name', access: topicAccess('Describe') }, (req, cluster) => {
      const t = store.describeTopic(cluster, topicParam(req));
      const name = req.params['name'] ?? '';
      const d = configDefinition(name);
      if (d === undefined) throw new ApiError(404, 40403, `Config ${name} cannot be found for topic ${t.name} in cluster ${cluster}.`);
      return { status: 200, body: configBody(req, cluster, t.name, effectiveConfig(d, t.configs[name])) };
    }),
    route({ method: 'PUT', path: '/topics/:topic_name/configs/:name', access: topicAccess('Manage') }, (req, cluster) => {
      const value = readObject(req.body)['value'];
      if (typeof value !== 'string') throw new ApiError(400, 40001, "Request body requires 'value' (a string).");
      store.alterConfigs(cluster, topicParam(req), [{ kind: 'set', name: req.params['name'] ?? '', value }]);
      return { status: 204 };
    }),
    route({ method: 'DELETE', path: '/topics/:topic_name/configs/:name', access: topicAccess('Manage') }, (req, cluster) => {
      store.alterConfigs(cluster, topicParam(req), [{ kind: 'delete', name: req.params['name'] ?? '' }]);
      return { status: 204 };
    }),
    route({ method: 'POST', path: '/topics/:topic_name/configs:alter', access: topicAccess('Manage') }, (req, cluster) => {
      const body = readObject(req.body);
      const changes: ConfigAlteration[] = readConfigList(body['data'], 'data').map((c) => {
        if (c.operation === 'DELETE') return { kind: 'delete', name: c.name };
        if (c.value === null) throw new ApiError(400, 40002, `Config '${c.name}' needs a value for operation SET.`);
        return { kind: 'set', name: c.name, value: c.value };
      });
      store.alterConfigs(cluster, topicParam(req), changes, { validateOnly: body['validate_only'] === true });
      return { status: 204 };
    }),
  ];
}
