/**
 * Classifies why a running statement failed (confluent-flink.md §11), so the statements layer
 * knows whether to leave it FAILED or restart it from its last checkpoint:
 *   user             bad data or a failing expression (deserialization, CAST, division by zero, a
 *                    row the sink cannot write): FAILED with the message as `status.detail`
 *   user-recoverable an input or output topic vanished: restart; the statement stays RUNNING
 *                    (DEGRADED after repeated restarts)
 *   system           anything else (storage errors, bugs): restart; no user text in the detail
 */
import { TopicLogError } from '../../kafka/index.js';
import { SqlRuntimeError } from '../types/index.js';
import { DeserializationError, SinkWriteError } from './runtime-errors.js';

/** The three failure classes. */
export type FailureClass = 'user' | 'user-recoverable' | 'system';

/** The class of an error thrown by a running job. */
export function classifyFailure(e: unknown): FailureClass {
  if (e instanceof DeserializationError || e instanceof SinkWriteError || e instanceof SqlRuntimeError) return 'user';
  if (e instanceof TopicLogError) {
    return e.code === 'unknown-topic' || e.code === 'unknown-partition' ? 'user-recoverable' : 'user';
  }
  return 'system';
}
