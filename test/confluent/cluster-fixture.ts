/** Creates an environment with a Basic cluster (and its SR cluster) through the provider. */
import type { ObjectValue } from '../../src/provisioner/lang/index.js';
import { converge, readData } from './provider-harness.js';
import type { Harness } from './provider-harness.js';

export interface ClusterFixture {
  readonly env: ObjectValue;
  readonly cluster: ObjectValue;
  readonly sr: ObjectValue;
}

/** Environment `name` with Basic cluster `name-k` and the environment's SR data source. */
export async function createCluster(h: Harness, name: string): Promise<ClusterFixture> {
  const env = await converge(h, 'confluent_environment', null, { display_name: name });
  const cluster = await converge(h, 'confluent_kafka_cluster', null, {
    display_name: `${name}-k`, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', environment: { id: env.id ?? null }, basic: {},
  });
  const sr = await readData(h, 'confluent_schema_registry_cluster', { environment: { id: env.id ?? null } });
  return { env, cluster, sr };
}
