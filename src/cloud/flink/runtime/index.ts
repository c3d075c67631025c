/**
 * cloud/flink/runtime: the streaming runtime core — runs a statement's physical job (sources,
 * operators, sinks) continuously, with watermarks, timers and exactly-once checkpoints.
 *
 * Batch layout: a batch is `size` rows as plain arrays (`unknown[]`, values in flink/types'
 * representation), a parallel Uint8Array of row kinds (0 +I, 1 -U, 2 +U, 3 -D) and a parallel
 * Float64Array of rowtimes (epoch millis, NaN = none). Builders reuse their buffers, so a batch is
 * valid only during the call it is passed to; rows themselves are never mutated once emitted.
 * Watermarks, idleness, barriers and end-of-input travel between batches.
 *
 * Operator contract (operator.ts): `onBatch(batch, input, ctx)`, optional `onWatermark`, `onTimer`,
 * `onBarrier`, `onEndOfInput`, and `snapshot()`/`restore()`/`close()`. The context emits changes
 * and registers event-time timers. The runtime (OperatorNode) combines input watermarks (min over
 * non-idle inputs), fires timers and forwards the watermark; operators never see raw inputs' times.
 *
 * The checkpoint transaction (task-runner.ts): between source polls nothing is in flight; operators
 * flush on the barrier, then ONE SQLite transaction on the topic logs' database commits the sinks'
 * buffered output (topic appends, results pages), the source positions and every node's snapshot
 * (`flink_checkpoints`). Nothing reaches a topic outside that transaction: exactly-once by
 * construction. Restore loads the newest checkpoint and seeks the sources back.
 *
 * Depends on shared/, cloud/kafka (topic logs), flink/types and, later, flink/{expr,catalog,sql,
 * binder,planner}. Must not depend on flink/statements, the server, or anything outside cloud/.
 */
export * from './types.js';
export { BatchBuilder, batchOf, DEFAULT_BATCH_SIZE, type Batch, type StreamElement } from './batch.js';
export type { Operator, OperatorContext } from './operator.js';
export { OperatorNode, deliverElement, type NodeSnapshot } from './operator-node.js';
export { WatermarkCombiner } from './watermark-combiner.js';
export { TimerService, type Timer } from './timer-service.js';
export { CalcOperator, type CalcSpec } from './calc-operator.js';
export { UnionOperator } from './union-operator.js';
export { LimitOperator, type LimitState } from './limit-operator.js';
export type { Source } from './source.js';
export { ValuesSource } from './values-source.js';
export {
  TopicSource, type TopicSourceOptions, type TopicSourcePosition, type PartitionPosition, type PartitionOffset, type SubtaskAssignment,
  type StartupMode, type BoundedMode,
} from './topic-source.js';
export {
  rawDeserializer, rawSerializer, jsonDeserializer, jsonSerializer,
  type RecordDeserializer, type RecordSerializer, type JsonColumn,
} from './record-codecs.js';
export { METADATA_KEYS, metadataValue, type MetadataKey } from './metadata-columns.js';
export {
  ascendingTimestamps, boundedOutOfOrderness, noWatermarks,
  type WatermarkGenerator, type WatermarkGeneratorFactory,
} from './watermark-generators.js';
export { HistogramWatermarkGenerator, sourceWatermark, warmUpMargin, BUCKET_BOUNDS, MAX_DELAY_MS, DELAY_CAPACITY } from './histogram-watermark-generator.js';
export { IdlenessTracker, idlenessFromTimeout, PROGRESSIVE_START_MS, PROGRESSIVE_MAX_MS, type IdlenessSetting } from './idleness-tracker.js';
export type { Sink } from './sink.js';
export { TopicSink, type TopicSinkOptions } from './topic-sink.js';
export { BlackholeSink } from './blackhole-sink.js';
export { ResultsSink, type ResultsSinkOptions, type ResultChange } from './results-sink.js';
export { DeserializationError, SinkWriteError } from './runtime-errors.js';
export { classifyFailure, type FailureClass } from './failure-class.js';
export { orderJob, type JobGraph, type JobNode, type JobEdge } from './job-graph.js';
export { CheckpointStore, closeJob, restoreJob, subtaskKey, parallelismOfKey, type Checkpoint } from './checkpoint-store.js';
export { TaskRunner, type TaskRunnerOptions, type StepResult } from './task-runner.js';
export { pollSource, polledSource, type PolledSource } from './source-polling.js';
export { latestOffsets } from './latest-offsets.js';
export { parseChangelog, formatChange, formatBatch, formatValue } from './changelog-notation.js';
export { OperatorHarness } from './operator-harness.js';
export * from './stateful/index.js';
export { KEY_GROUPS, keyGroupOf, keyGroupOwner } from './key-groups.js';
export { KeyGroupedOperator, isKeyGroupedState, type KeyGroupedSpec, type KeyGroupedState } from './key-grouped-operator.js';
export { ProcessingTimeOperator, type ProcessingTimeState } from './processing-time-operator.js';
