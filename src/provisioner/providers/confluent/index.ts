/**
 * The `confluentinc/confluent` provider: turns confluent_* resources into requests against
 * Confluent Cloud's REST API shapes (control plane, Kafka REST v3, Schema Registry, Flink
 * sql/v1) — the local cloud by default, real Confluent Cloud when endpoint / rest_endpoint and
 * credentials point there. It speaks HTTP only: it must never import src/cloud.
 */
import type { Provider } from '../../provider/index.js';
import { ConfluentProvider } from './confluent-provider.js';
import type { ConfluentProviderOptions } from './confluent-provider.js';

export { CONFLUENT_SOURCE, ConfluentProvider } from './confluent-provider.js';
export type { ConfluentProviderOptions } from './confluent-provider.js';
export { DEFAULT_ENDPOINT } from './provider-settings.js';

/** Creates a fresh `confluentinc/confluent` provider instance (one per provider block / alias). */
export function confluentProvider(options: ConfluentProviderOptions = {}): Provider {
  return new ConfluentProvider(options);
}
