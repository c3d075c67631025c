/**
 * stateful/accumulators: retraction-aware accumulators for every aggregate function of
 * confluent-flink.md §10 with Flink's result types and NULL rules, plus DISTINCT and FILTER.
 * Used by the group, window and OVER aggregate operators. Depends only on flink/types (and expr's
 * JSON rendering); must not depend on the operators that use it.
 */
export type { Accumulator } from './types.js';
export { createAccumulator } from './create-accumulator.js';
export { compileAggregates, type AccState, type CompiledAggregates } from './compiled-aggregates.js';
export { aggregateResultType } from './result-types.js';
