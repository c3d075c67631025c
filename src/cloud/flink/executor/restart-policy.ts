/**
 * How the executor restarts a statement after a recoverable failure (confluent-flink.md §5.2,
 * §11): exponential backoff between restarts, DEGRADED after repeated restarts without a committed
 * checkpoint in between, and the exception name each failure shows in the exceptions list.
 */
import { TopicLogError } from '../../kafka/index.js';
import type { FailureClass } from '../runtime/index.js';

/** Restart tuning (ExecutorOptions.restart). */
export interface RestartPolicy {
  /** Delay before the first restart (default 1000 ms); doubles with every further failure. */
  readonly initialBackoffMs?: number;
  /** Upper bound of the delay (default 30 000 ms). */
  readonly maxBackoffMs?: number;
  /** Consecutive failures without a committed checkpoint after which the statement is DEGRADED (default 3). */
  readonly degradedAfter?: number;
}

/** `status.detail` of a DEGRADED statement (no user text: the cause may be a system failure). */
export const DEGRADED_DETAIL = 'Statement is degraded';

/** The delay before restart number `failures` (1-based). */
export function restartDelayMs(failures: number, policy: RestartPolicy = {}): number {
  const initial = policy.initialBackoffMs ?? 1000;
  const max = policy.maxBackoffMs ?? 30_000;
  return Math.min(initial * 2 ** Math.max(0, failures - 1), max);
}

/** True once the statement has failed often enough in a row to show DEGRADED. */
export function isDegraded(failures: number, policy: RestartPolicy = {}): boolean {
  return failures >= (policy.degradedAfter ?? 3);
}

/** The exceptions-list entry of a recoverable failure of a running job. */
export function recoverableException(error: unknown, cls: FailureClass): { name: string; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TopicLogError) return { name: 'org.apache.kafka.common.errors.UnknownTopicOrPartitionException', message };
  return { name: cls === 'system' ? 'java.lang.RuntimeException' : 'org.apache.flink.runtime.JobException', message };
}
