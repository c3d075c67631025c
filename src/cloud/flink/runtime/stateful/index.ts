/**
 * cloud/flink/runtime/stateful: the stateful operators of Flink SQL — unbounded GROUP BY (HAVING,
 * grouping sets, state TTL, mini-batch), window TVF aggregation / Top-N / deduplication, Top-N and
 * deduplication, OVER aggregation — and the retraction-aware accumulators behind them.
 *
 * Operators take compiled closures and plain options (key extractors, argument extractors,
 * comparators, window specs), never the SQL AST: the planner wires them. Their snapshots are
 * JSON-safe (value-codec.ts) and their output order never depends on Map iteration. Tests use the
 * text changelog scripts of changelog-script.ts, each also run with a restore at every step.
 *
 * Depends on the runtime core (../), flink/types and expr's JSON rendering; must not depend on
 * flink/sql, binder, planner or statements.
 */
export type {
  AggregateCall, AggregateFunctionName, KeyExtractor, RowComparator, GroupingSet, WindowSpec, TimeWindow, RankFunction,
} from './types.js';
export { aggregateResultType, compileAggregates, createAccumulator, type AccState, type Accumulator, type CompiledAggregates } from './accumulators/index.js';
export { GroupAggregateOperator, type GroupAggregateSpec, type GroupAggregateState } from './group-aggregate-operator.js';
export { RankOperator, type RankSpec, type RankState } from './rank-operator.js';
export { UpdatingLimitOperator, type UpdatingLimitSpec, type UpdatingLimitState } from './updating-limit-operator.js';
export { SinkUpsertMaterializer, type SinkUpsertMaterializerSpec, type SinkUpsertMaterializerState } from './sink-upsert-materializer.js';
export { DeduplicateOperator, type DeduplicateSpec, type DeduplicateState } from './deduplicate-operator.js';
export { OverAggregateOperator, type OverAggregateSpec, type OverFrame, type OverAggregateState } from './over-aggregate-operator.js';
export {
  WindowAggregateOperator, WindowRankOperator, WindowDeduplicateOperator, assignWindows, windowStart, SessionWindows,
  type WindowAggregateSpec, type WindowAggregateState, type WindowRankSpec, type WindowRankState,
  type WindowDeduplicateSpec, type WindowDeduplicateState, type Windowing,
} from './window/index.js';
export { encodeValue, decodeValue, encodeRow, decodeRow, tupleKey, valueKey, valuesEqual, type Json, type KeyId } from './value-codec.js';
export { runChangelogScript, assertChangelogScript, normalizeScript, type ScriptOptions } from './changelog-script.js';
