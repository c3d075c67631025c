/**
 * Where a request goes. Control-plane calls use `endpoint` with the Cloud API key; data-plane
 * resources (topics, schemas, statements) use their own `rest_endpoint` + `credentials`
 * (Option 1) or the provider-level settings (Option 2), exactly as the official provider does.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { blockId, credentialsOf, str } from './attribute-access.js';
import type { Credentials, ResourceContext, Target } from './types.js';

/** The control plane (`endpoint`, Cloud API key). */
export function controlPlane(rc: ResourceContext): Target {
  const c = rc.settings.cloudCredentials;
  return c === undefined ? { baseUrl: rc.settings.endpoint } : { baseUrl: rc.settings.endpoint, credentials: c };
}

function target(baseUrl: string, credentials: Credentials | undefined): Target {
  return credentials === undefined ? { baseUrl } : { baseUrl, credentials };
}

function missing(what: string, hint: string): DiagnosticsError {
  return new DiagnosticsError([errorDiag('confluent-missing-argument', `${what} is not set`, { detail: hint })]);
}

/** Kafka REST target and cluster id of a topic/ACL. */
export function kafkaTarget(attrs: ObjectValue, rc: ResourceContext): { clusterId: string; target: Target } {
  const p = rc.settings.kafka;
  const clusterId = blockId(attrs, 'kafka_cluster') ?? p?.id;
  if (clusterId === undefined) throw missing('kafka_cluster.id', 'Set a kafka_cluster { id } block, or kafka_id in the provider block.');
  const endpoint = str(attrs, 'rest_endpoint') ?? p?.restEndpoint;
  if (endpoint === undefined) throw missing('rest_endpoint', 'Set rest_endpoint (the cluster\'s rest_endpoint attribute), or kafka_rest_endpoint in the provider block.');
  return { clusterId, target: target(endpoint, credentialsOf(attrs) ?? p?.credentials) };
}

/** Schema Registry target and cluster id of a schema/subject resource. */
export function schemaRegistryTarget(attrs: ObjectValue, rc: ResourceContext): { clusterId: string; target: Target } {
  const p = rc.settings.schemaRegistry;
  const clusterId = blockId(attrs, 'schema_registry_cluster') ?? p?.id;
  if (clusterId === undefined) throw missing('schema_registry_cluster.id', 'Set a schema_registry_cluster { id } block, or schema_registry_id in the provider block.');
  const endpoint = str(attrs, 'rest_endpoint') ?? p?.restEndpoint;
  if (endpoint === undefined) throw missing('rest_endpoint', 'Set rest_endpoint (the Schema Registry cluster\'s rest_endpoint), or schema_registry_rest_endpoint in the provider block.');
  return { clusterId, target: target(endpoint, credentialsOf(attrs) ?? p?.credentials) };
}

/** Everything a statement request needs. */
export interface FlinkTarget {
  readonly organizationId: string;
  readonly environmentId: string;
  /** Empty when neither resource nor provider names one (a default pool; #855). */
  readonly computePoolId: string;
  readonly principalId: string | undefined;
  readonly target: Target;
}

/** Flink `sql/v1` target. The provider's flink_principal_id wins over the resource's block. */
export function flinkTarget(attrs: ObjectValue, rc: ResourceContext): FlinkTarget {
  const p = rc.settings.flink;
  const organizationId = blockId(attrs, 'organization') ?? p?.organizationId;
  if (organizationId === undefined) throw missing('organization.id', 'Set an organization { id } block, or organization_id in the provider block.');
  const environmentId = blockId(attrs, 'environment') ?? p?.environmentId;
  if (environmentId === undefined) throw missing('environment.id', 'Set an environment { id } block, or environment_id in the provider block.');
  const endpoint = str(attrs, 'rest_endpoint') ?? p?.restEndpoint;
  if (endpoint === undefined) throw missing('rest_endpoint', 'Set rest_endpoint (data.confluent_flink_region.x.rest_endpoint), or flink_rest_endpoint in the provider block.');
  return {
    organizationId, environmentId,
    computePoolId: blockId(attrs, 'compute_pool') ?? p?.computePoolId ?? '',
    principalId: p?.principalId ?? blockId(attrs, 'principal'),
    target: target(endpoint, credentialsOf(attrs) ?? p?.credentials),
  };
}

/** Path-encodes one segment. */
export function seg(s: string): string {
  return encodeURIComponent(s);
}
