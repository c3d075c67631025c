/**
 * Authorization rules for the Kafka REST and Schema Registry routes, which their own folders
 * leave to the server: each route gets the CRN of the topic, group, subject or cluster it touches
 * and an operation (GET → Describe, record reads and offset commits → Read, produce → Write,
 * everything else → Manage).
 */
import type { Authorization, HttpRequest, Route } from '../http/index.js';
import { isObject } from '../http/index.js';
import { clusterCrn, groupCrn, schemaRegistryCrn, subjectCrn, topicCrn } from './crn.js';

/** Lookups the rules need. */
export interface DataPlaneLookups {
  readonly orgId: string;
  readonly clusterEnvironment: (clusterId: string) => string | undefined;
  readonly registryEnvironment: (srId: string) => string | undefined;
}

function kafkaAuthz(l: DataPlaneLookups, route: Route): Authorization {
  // Reading records (a streamform extension) and committing a group's offsets need Read, as in Kafka.
  const reads = (route.method === 'GET' && route.pattern.endsWith('/records')) || (route.method === 'POST' && route.pattern.endsWith('/offsets'));
  const op = reads ? 'Read' : route.method === 'GET' ? 'Describe' : route.pattern.endsWith('/records') ? 'Write' : 'Manage';
  const crn = (req: HttpRequest): string => {
    const cluster = req.params['cluster_id'] ?? '';
    const env = l.clusterEnvironment(cluster) ?? '';
    const topic = req.params['topic_name'];
    if (topic !== undefined) return topicCrn(l.orgId, env, cluster, topic);
    const group = req.params['group_id'];
    if (group !== undefined) return groupCrn(l.orgId, env, cluster, group);
    if (route.method === 'POST' && route.pattern.endsWith('/topics')) {
      const name = isObject(req.body) && typeof req.body['topic_name'] === 'string' ? req.body['topic_name'] : '';
      return topicCrn(l.orgId, env, cluster, name);
    }
    return clusterCrn(l.orgId, env, cluster);
  };
  return { crn, operation: op };
}

function registryAuthz(l: DataPlaneLookups, route: Route): Authorization {
  const subjectScoped = route.pattern.includes(':subject');
  const readOnly = route.method === 'GET' || route.pattern.includes('/compatibility/') || (route.method === 'POST' && /\/subjects\/:subject$/.test(route.pattern));
  const op = readOnly ? (subjectScoped ? 'Read' : 'Describe') : route.method === 'POST' ? 'Write' : 'Manage';
  const crn = (req: HttpRequest): string => {
    const sr = req.params['sr_id'] ?? '';
    const env = l.registryEnvironment(sr) ?? '';
    const subject = req.params['subject'];
    return subject === undefined ? schemaRegistryCrn(l.orgId, env, sr) : subjectCrn(l.orgId, env, sr, subject);
  };
  return { crn, operation: op };
}

/** The Kafka REST routes with authorization rules attached. */
export function withKafkaAuthz(routes: readonly Route[], lookups: DataPlaneLookups): Route[] {
  return routes.map((r) => (r.authz !== undefined ? r : { ...r, authz: kafkaAuthz(lookups, r) }));
}

/** The Schema Registry routes with authorization rules attached. */
export function withSchemaRegistryAuthz(routes: readonly Route[], lookups: DataPlaneLookups): Route[] {
  return routes.map((r) => (r.authz !== undefined ? r : { ...r, authz: registryAuthz(lookups, r) }));
}
