/**
 * Mapping between a `cmk/v2` Cluster object and the `confluent_kafka_cluster` attributes,
 * shared by the resource and the data source.
 */
import { isObjectValue, isUnknown } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { at, jarr, jnum, jstr } from './json-access.js';

/** The cluster types, one block each in the schema. */
export const CLUSTER_TYPES = ['Basic', 'Standard', 'Enterprise', 'Freight', 'Dedicated'] as const;
/** One cluster type (`spec.config.kind`). */
export type ClusterType = (typeof CLUSTER_TYPES)[number];

/** Which type block is set (in config, plan or state). */
export function clusterTypeOf(attrs: ObjectValue): ClusterType | undefined {
  return CLUSTER_TYPES.find((t) => {
    const v = attrs[t.toLowerCase()];
    return isUnknown(v) || isObjectValue(v) || (Array.isArray(v) && v.length > 0);
  });
}

/** State attributes from a Cluster object. */
export function clusterState(body: unknown): ObjectValue {
  const kind = jstr(body, 'spec.config.kind') ?? 'Basic';
  const typeBlock = (t: ClusterType): ObjectValue | null => {
    if (t.toLowerCase() !== kind.toLowerCase()) return null;
    const zones = jarr(body, 'spec.config.zones').filter((z): z is string => typeof z === 'string');
    if (t === 'Dedicated') {
      return { cku: jnum(body, 'status.cku') ?? jnum(body, 'spec.config.cku') ?? null, encryption_key: jstr(body, 'spec.config.encryption_key') ?? null, zones };
    }
    const b: Record<string, Value> = { max_ecku: jnum(body, 'spec.config.max_ecku') ?? null };
    if (t === 'Freight') b.zones = zones;
    return b;
  };
  const endpoints = at(body, 'spec.endpoints');
  const list: ObjectValue[] = [];
  if (typeof endpoints === 'object' && endpoints !== null) {
    for (const [apId, e] of Object.entries(endpoints as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) {
      list.push({
        access_point_id: apId, bootstrap_endpoint: jstr(e, 'kafka_bootstrap_endpoint') ?? '',
        rest_endpoint: jstr(e, 'http_endpoint') ?? '', connection_type: jstr(e, 'connection_type') ?? '',
      });
    }
  }
  const network = jstr(body, 'spec.network.id'), byok = jstr(body, 'spec.byok.id');
  return {
    id: jstr(body, 'id') ?? null,
    api_version: jstr(body, 'api_version') ?? 'cmk/v2',
    kind: jstr(body, 'kind') ?? 'Cluster',
    display_name: jstr(body, 'spec.display_name') ?? null,
    availability: jstr(body, 'spec.availability') ?? null,
    cloud: jstr(body, 'spec.cloud') ?? null,
    region: jstr(body, 'spec.region') ?? null,
    environment: { id: jstr(body, 'spec.environment.id') ?? '' },
    network: network !== undefined ? { id: network } : null,
    byok_key: byok !== undefined ? { id: byok } : null,
    bootstrap_endpoint: jstr(body, 'spec.kafka_bootstrap_endpoint') ?? null,
    rest_endpoint: jstr(body, 'spec.http_endpoint') ?? null,
    rbac_crn: jstr(body, 'metadata.resource_name') ?? null,
    endpoints: list,
    basic: typeBlock('Basic'), standard: typeBlock('Standard'), enterprise: typeBlock('Enterprise'),
    freight: typeBlock('Freight'), dedicated: typeBlock('Dedicated'),
  };
}
