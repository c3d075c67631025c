/**
 * The sink contract. A sink buffers what it is given and makes it visible only in `commit`, which
 * the task runner calls inside the checkpoint's SQLite transaction together with the source offsets
 * and operator state: nothing reaches a topic (or a results page) outside a committed checkpoint.
 * That is exactly-once by construction: after a crash, output of the uncommitted tail was never
 * written, and the restored statement produces it again once.
 * Against an external Kafka cluster the same contract needs a transactional producer whose commit
 * is tied to the checkpoint (or an idempotent upsert sink); not implemented here — the local
 * topic logs are the only target today.
 */
import type { Batch } from './batch.js';

/** A terminal node of a job. */
export interface Sink {
  /** Buffers one batch of changes. */
  write(batch: Batch): void;
  /** Writes everything buffered since the last commit; runs inside the checkpoint transaction. */
  commit(checkpointId: number): void;
  /** Drops the uncommitted buffer (the checkpoint transaction rolled back or the job is discarded). */
  discard(): void;
  /** Changes buffered and not yet committed. */
  readonly pending: number;
  close(): void;
}
