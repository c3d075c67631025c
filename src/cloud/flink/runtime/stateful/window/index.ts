/**
 * stateful/window: the window TVF operators — TUMBLE/HOP/CUMULATE assignment, SESSION merging,
 * window aggregation, window Top-N and window deduplication. All fire on the watermark
 * (window_time = window_end − 1 ms) and drop late rows. Depends on the runtime core, flink/types
 * and ../accumulators; must not depend on the planner or SQL AST.
 */
export { assignWindows, windowStart, checkWindowSpec } from './window-assigner.js';
export { SessionWindows, type Session, type FiredSession } from './session-windows.js';
export { windowedRows, checkRowtime, type Windowing, type WindowedRow } from './windowing.js';
export { WindowAggregateOperator, type WindowAggregateSpec, type WindowAggregateState } from './window-aggregate-operator.js';
export { WindowRankOperator, type WindowRankSpec, type WindowRankState } from './window-rank-operator.js';
export { WindowDeduplicateOperator, type WindowDeduplicateSpec, type WindowDeduplicateState } from './window-deduplicate-operator.js';
