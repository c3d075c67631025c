/**
 * Kafka REST v3 ACL routes under `/acls`: list with a filter, create one, create a batch
 * (`acls:batch`) and delete by filter, in Confluent's shapes (resource_type, resource_name,
 * pattern_type, principal, host, operation, permission). The local cloud stores bindings but does
 * not enforce them: data-plane access is decided by role bindings (cloud/auth).
 */
import { ApiError, type HttpRequest, type Route } from '../http/index.js';
import type { KafkaAccess, KafkaRouteContext } from './kafka-route-context.js';
import { clusterUrl, listBody } from './kafka-rest-shapes.js';
import { readObject, type JsonObject } from './kafka-rest-body.js';
import type { AclBinding, AclFilter, AclOperation, AclPatternType, AclResourceType } from './types.js';

const RESOURCE_TYPES: readonly AclResourceType[] = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN'];
const PATTERN_TYPES: readonly AclPatternType[] = ['LITERAL', 'PREFIXED'];
const OPERATIONS: readonly AclOperation[] = ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'];
const PERMISSIONS = ['ALLOW', 'DENY'] as const;
/** The one resource name a CLUSTER binding may have. */
const CLUSTER_RESOURCE = 'kafka-cluster';
const CLUSTER_ACCESS = (operation: string): KafkaAccess => ({ resource: 'cluster', operation, name: () => '' });

function bad(message: string): never {
  throw new ApiError(400, 40002, message);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) bad(`Field '${field}' must be one of ${allowed.join(', ')}; got ${JSON.stringify(value ?? null)}.`);
  return value as T;
}

/** A binding from a create body (or one `data[]` entry of a batch). */
export function readBinding(o: JsonObject, where = ''): AclBinding {
  const resourceType = oneOf(o['resource_type'], RESOURCE_TYPES, `${where}resource_type`);
  const resourceName = o['resource_name'];
  if (typeof resourceName !== 'string' || resourceName === '') bad(`Field '${where}resource_name' must be a non-empty string.`);
  const patternType = oneOf(o['pattern_type'], PATTERN_TYPES, `${where}pattern_type`);
  const principal = o['principal'];
  if (typeof principal !== 'string' || !/^[A-Za-z]+:.+$/.test(principal)) bad(`Field '${where}principal' must look like 'User:sa-xxxxx' or 'User:*'.`);
  const host = o['host'] ?? '*';
  if (typeof host !== 'string' || host === '') bad(`Field '${where}host' must be a non-empty string ('*' for any host).`);
  const operation = oneOf(o['operation'], OPERATIONS, `${where}operation`);
  const permission = oneOf(o['permission'], PERMISSIONS, `${where}permission`);
  if (resourceType === 'CLUSTER' && (resourceName !== CLUSTER_RESOURCE || patternType !== 'LITERAL')) {
    bad(`A CLUSTER ACL must name the resource '${CLUSTER_RESOURCE}' with pattern_type LITERAL.`);
  }
  return { resourceType, resourceName, patternType, principal, host, operation, permission };
}

/** A filter from query parameters; `requireType` for deletes, so a bare DELETE cannot wipe everything. */
export function readFilter(q: URLSearchParams, requireType: boolean): AclFilter {
  const get = (k: string): string | undefined => q.get(k) ?? undefined;
  const type = get('resource_type');
  if (requireType && type === undefined) bad("Query parameter 'resource_type' is required (ANY to match every type).");
  const f: { -readonly [K in keyof AclFilter]: AclFilter[K] } = {};
  if (type !== undefined) f.resourceType = oneOf(type, ['ANY', ...RESOURCE_TYPES], 'resource_type');
  const pattern = get('pattern_type');
  if (pattern !== undefined) f.patternType = oneOf(pattern, ['ANY', 'MATCH', ...PATTERN_TYPES], 'pattern_type');
  const operation = get('operation');
  if (operation !== undefined) f.operation = oneOf(operation, ['ANY', ...OPERATIONS], 'operation');
  const permission = get('permission');
  if (permission !== undefined) f.permission = oneOf(permission, ['ANY', ...PERMISSIONS], 'permission');
  for (const [field, key] of [['resource_name', 'resourceName'], ['principal', 'principal'], ['host', 'host']] as const) {
    const v = get(field);
    if (v !== undefined && v !== '') f[key] = v;
  }
  return f;
}

function aclBody(req: HttpRequest, cluster: string, b: AclBinding): unknown {
  const q = new URLSearchParams({
    resource_type: b.resourceType, resource_name: b.resourceName, pattern_type: b.patternType,
    principal: b.principal, host: b.host, operation: b.operation, permission: b.permission,
  });
  return {
    kind: 'KafkaAcl',
    metadata: { self: `${clusterUrl(req, cluster)}/acls?${q.toString()}` },
    cluster_id: cluster,
    resource_type: b.resourceType,
    resource_name: b.resourceName,
    pattern_type: b.patternType,
    principal: b.principal,
    host: b.host,
    operation: b.operation,
    permission: b.permission,
  };
}

/** Routes under `/acls`. */
export function aclRoutes(ctx: KafkaRouteContext): Route[] {
  const { acls, route } = ctx;
  const listed = (req: HttpRequest, cluster: string, bindings: readonly AclBinding[]): unknown =>
    listBody('KafkaAclList', `${clusterUrl(req, cluster)}/acls${req.query.size > 0 ? `?${req.query.toString()}` : ''}`, bindings.map((b) => aclBody(req, cluster, b)));
  return [
    route({ method: 'GET', path: '/acls', access: CLUSTER_ACCESS('Describe') }, (req, cluster) => (
      { status: 200, body: listed(req, cluster, acls.list(cluster, readFilter(req.query, false))) }
    )),
    route({ method: 'POST', path: '/acls', access: CLUSTER_ACCESS('Manage') }, (req, cluster) => {
      acls.create(cluster, [readBinding(readObject(req.body))]);
      return { status: 201 };
    }),
    route({ method: 'POST', path: '/acls:batch', access: CLUSTER_ACCESS('Manage') }, (req, cluster) => {
      const data = readObject(req.body)['data'];
      if (!Array.isArray(data)) bad("Request body requires 'data' (an array of ACL bindings).");
      const bindings = data.map((item: unknown, i) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) bad(`data[${i}] must be an object.`);
        return readBinding(item as JsonObject, `data[${i}].`);
      });
      acls.create(cluster, bindings);
      return { status: 201 };
    }),
    route({ method: 'DELETE', path: '/acls', access: CLUSTER_ACCESS('Manage') }, (req, cluster) => (
      { status: 200, body: listed(req, cluster, acls.delete(cluster, readFilter(req.query, true))) }
    )),
  ];
}
