/** Kafka protocol error codes used by the listener, and the mapping from topic-log errors. */
import { TopicLogError } from '../topic-log-error.js';
import type { TopicLogErrorCode } from '../topic-log-error.js';

/** Kafka error codes by their protocol names. */
export const ERR = {
  UNKNOWN_SERVER_ERROR: -1, NONE: 0, OFFSET_OUT_OF_RANGE: 1, CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3, MESSAGE_TOO_LARGE: 10, COORDINATOR_NOT_AVAILABLE: 15,
  INVALID_TOPIC_EXCEPTION: 17, INVALID_REQUIRED_ACKS: 21, ILLEGAL_GENERATION: 22,
  INCONSISTENT_GROUP_PROTOCOL: 23, INVALID_GROUP_ID: 24, UNKNOWN_MEMBER_ID: 25,
  INVALID_SESSION_TIMEOUT: 26, REBALANCE_IN_PROGRESS: 27, INVALID_TIMESTAMP: 32,
  UNSUPPORTED_SASL_MECHANISM: 33, ILLEGAL_SASL_STATE: 34, UNSUPPORTED_VERSION: 35,
  TOPIC_ALREADY_EXISTS: 36, INVALID_PARTITIONS: 37, INVALID_REPLICATION_FACTOR: 38,
  INVALID_CONFIG: 40, INVALID_REQUEST: 42, UNSUPPORTED_FOR_MESSAGE_FORMAT: 43,
  SASL_AUTHENTICATION_FAILED: 58, UNSUPPORTED_COMPRESSION_TYPE: 76, MEMBER_ID_REQUIRED: 79,
  INVALID_RECORD: 87,
} as const;

const BY_TOPIC_LOG_CODE: { readonly [K in TopicLogErrorCode]: number } = {
  'invalid-topic-name': ERR.INVALID_TOPIC_EXCEPTION,
  'topic-already-exists': ERR.TOPIC_ALREADY_EXISTS,
  'unknown-topic': ERR.UNKNOWN_TOPIC_OR_PARTITION,
  'unknown-partition': ERR.UNKNOWN_TOPIC_OR_PARTITION,
  'invalid-partitions': ERR.INVALID_PARTITIONS,
  'unknown-config': ERR.INVALID_CONFIG,
  'invalid-config': ERR.INVALID_CONFIG,
  'read-only-config': ERR.INVALID_CONFIG,
  'record-too-large': ERR.MESSAGE_TOO_LARGE,
  'invalid-record': ERR.INVALID_RECORD,
  'invalid-timestamp': ERR.INVALID_TIMESTAMP,
  'offset-out-of-range': ERR.OFFSET_OUT_OF_RANGE,
};

/** A Kafka error code and message for a thrown error; anything but a TopicLogError is rethrown. */
export function kafkaErrorOf(err: unknown): { readonly code: number; readonly message: string } {
  if (err instanceof TopicLogError) return { code: BY_TOPIC_LOG_CODE[err.code], message: err.message };
  throw err;
}
