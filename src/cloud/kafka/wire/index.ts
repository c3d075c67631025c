/**
 * kafka/wire: the Kafka wire protocol over the local cloud's topic logs, so real Kafka clients
 * (kafkajs, librdkafka/kcat, the Java client) produce, consume and run consumer groups against
 * it. One broker (node id 1) per listener; SASL/PLAIN accepted over plaintext. Own encoder and
 * decoder (no protocol package). Must not depend on anything outside cloud/kafka and shared/;
 * it reaches the topic logs only through the kafka folder's store and consumer offsets.
 */
export { startKafkaListener } from './kafka-listener.js';
export type { ConnectionInfo, KafkaListener, KafkaListenerOptions, WireLogger } from './types.js';
export { SUPPORTED_APIS, type ApiVersionRange } from './api-keys.js';
