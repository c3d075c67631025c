/**
 * Data source `confluent_schema_registry_cluster` over `srcm/v3/clusters` (there is no
 * resource: the cluster comes with the environment's Stream Governance package). Without id or
 * display_name it uses the environment's only cluster, as the official provider does.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { requireBlockId, str } from './attribute-access.js';
import { at, jstr } from './json-access.js';
import { listAll } from './lookup.js';
import { T, computed, idBlock, optionalComputed } from './schema-blocks.js';
import { controlPlane } from './targets.js';
import type { ConfluentDataSource } from './types.js';

const schema: ResourceSchema = {
  attributes: {
    id: optionalComputed(T.string), display_name: optionalComputed(T.string),
    package: computed(T.string), cloud: computed(T.string), region: computed(T.string),
    rest_endpoint: computed(T.string), private_rest_endpoint: computed(T.string),
    private_regional_rest_endpoints: computed(T.map(T.string)), catalog_endpoint: computed(T.string),
    api_version: computed(T.string), kind: computed(T.string), resource_name: computed(T.string),
  },
  blocks: { environment: idBlock({ required: true }) },
};

function toState(body: unknown, envId: string): ObjectValue {
  const regional = at(body, 'spec.private_networking_config.regional_endpoints') ?? at(body, 'spec.private_regional_http_endpoints');
  const map: Record<string, string> = {};
  if (typeof regional === 'object' && regional !== null) {
    for (const [k, v] of Object.entries(regional as Record<string, unknown>)) if (typeof v === 'string') map[k] = v;
  }
  return {
    id: jstr(body, 'id') ?? null, display_name: jstr(body, 'spec.display_name') ?? null,
    package: jstr(body, 'spec.package') ?? null, cloud: jstr(body, 'spec.cloud') ?? null, region: jstr(body, 'spec.region') ?? null,
    rest_endpoint: jstr(body, 'spec.http_endpoint') ?? null, private_rest_endpoint: jstr(body, 'spec.private_http_endpoint') ?? null,
    private_regional_rest_endpoints: map, catalog_endpoint: jstr(body, 'spec.catalog_http_endpoint') ?? jstr(body, 'spec.http_endpoint') ?? null,
    api_version: jstr(body, 'api_version') ?? 'srcm/v3', kind: jstr(body, 'kind') ?? 'Cluster',
    resource_name: jstr(body, 'metadata.resource_name') ?? null, environment: { id: envId },
  };
}

/** The `confluent_schema_registry_cluster` data source. */
export const schemaRegistryClusterDataSource: ConfluentDataSource = {
  schema,
  async read(config, rc) {
    const envId = requireBlockId(config, 'environment');
    const id = str(config, 'id'), name = str(config, 'display_name');
    const items = await listAll(rc, controlPlane(rc), '/srcm/v3/clusters', { environment: envId });
    const hits = items.filter((i) => (id === undefined || jstr(i, 'id') === id) && (name === undefined || jstr(i, 'spec.display_name') === name));
    if (hits.length !== 1) {
      throw new DiagnosticsError([errorDiag('confluent-not-found', hits.length === 0
        ? `No Schema Registry cluster found in ${envId}${id !== undefined ? ` with id ${id}` : ''}${name !== undefined ? ` named "${name}"` : ''}`
        : `${hits.length} Schema Registry clusters in ${envId}; set id or display_name`, {
        detail: hits.length === 0 ? 'The cluster is created with the environment\'s stream_governance package; add depends_on the Kafka cluster so it exists first.' : undefined,
      })]);
    }
    return toState(hits[0], envId);
  },
};
