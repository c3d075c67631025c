/** Data source `confluent_kafka_cluster`: environment { id } plus exactly one of id or display_name. */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { AttributeSchema, NestedBlockSchema, ResourceSchema } from '../../provider/index.js';
import { requireBlockId, requireStr, str } from './attribute-access.js';
import { getCluster } from './kafka-cluster-resource.js';
import { clusterState } from './kafka-cluster-state.js';
import { exactlyOneOf, findOneByName } from './lookup.js';
import { T, computed, idBlock, optionalComputed } from './schema-blocks.js';
import { controlPlane } from './targets.js';
import type { ConfluentDataSource } from './types.js';

const typeBlock = (attributes: Record<string, AttributeSchema>): NestedBlockSchema => ({ nesting: 'single', maxItems: 1, computed: true, block: { attributes } });

const schema: ResourceSchema = {
  attributes: {
    id: optionalComputed(T.string), display_name: optionalComputed(T.string),
    availability: computed(T.string), cloud: computed(T.string), region: computed(T.string),
    api_version: computed(T.string), kind: computed(T.string), bootstrap_endpoint: computed(T.string),
    rest_endpoint: computed(T.string), rbac_crn: computed(T.string),
    endpoints: computed(T.list(T.object({ access_point_id: T.string, bootstrap_endpoint: T.string, rest_endpoint: T.string, connection_type: T.string }))),
  },
  blocks: {
    environment: idBlock({ required: true }),
    network: { ...idBlock({ computed: true }), block: { attributes: { id: computed(T.string) } } },
    byok_key: { ...idBlock({ computed: true }), block: { attributes: { id: computed(T.string) } } },
    basic: typeBlock({ max_ecku: computed(T.number) }), standard: typeBlock({ max_ecku: computed(T.number) }),
    enterprise: typeBlock({ max_ecku: computed(T.number) }), freight: typeBlock({ max_ecku: computed(T.number), zones: computed(T.list(T.string)) }),
    dedicated: typeBlock({ cku: computed(T.number), encryption_key: computed(T.string), zones: computed(T.list(T.string)) }),
  },
};

/** The `confluent_kafka_cluster` data source. */
export const kafkaClusterDataSource: ConfluentDataSource = {
  schema,
  validate: (config) => exactlyOneOf(config, ['id', 'display_name']),
  async read(config, rc) {
    const envId = requireBlockId(config, 'environment');
    const id = str(config, 'id');
    if (id !== undefined) {
      const body = await getCluster(envId, id, rc);
      if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Kafka cluster ${id} was not found in ${envId}`)]);
      return clusterState(body);
    }
    return clusterState(await findOneByName(rc, controlPlane(rc), '/cmk/v2/clusters', { environment: envId }, requireStr(config, 'display_name'), 'Kafka cluster'));
  },
};
