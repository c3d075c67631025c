/**
 * cloud/flink/runtime/join: the join and pattern operators of the streaming runtime — regular
 * (unbounded) joins incl. semi/anti and STATE_TTL, interval joins, event-time temporal joins,
 * processing-time temporal (lookup) joins, window joins, UNNEST, and MATCH_RECOGNIZE.
 *
 * Operators take compiled closures and plain options (types.ts): key extractors, residual
 * conditions, time readers, bounds. Input 0 is the left (probe) side, input 1 the right (build /
 * versioned) side; output rows are `[...left, ...right]` (semi/anti: the left row). Snapshots are
 * JSON-safe (values through stateful/value-codec).
 *
 * Output changelog modes, for the planner:
 *   regular INNER / SEMI      insert-only when both inputs are insert-only, else +I/-D (retract)
 *   regular LEFT/RIGHT/FULL   +I/-D (retract) always (padding is retracted when a match appears)
 *   regular ANTI              +I/-D (retract) always (a right row removes left rows)
 *   interval, window          insert-only (inputs must be insert-only)
 *   temporal (event time)     the probe's row kinds (insert-only for an insert-only probe)
 *   lookup (processing time)  the probe's row kinds, never revised
 *   UNNEST                    the input's row kinds, per produced row
 *   MATCH_RECOGNIZE           insert-only (input must be insert-only)
 * Regular joins never emit -U/+U (like Flink: an update comes out as -D then +I) and drop time
 * attributes (output rowtime NaN); every other operator here sets output rowtimes.
 *
 * Depends on the runtime core (../) and shared/ only. Must not depend on the SQL AST, the binder or
 * the planner, nor on flink/statements or anything outside cloud/.
 */
export type {
  JoinKind, OuterJoinKind, JoinKeyFn, JoinCondition, RowTimeFn, JoinSideSpec, RegularJoinSpec, IntervalJoinSpec,
  TemporalJoinSpec, LookupJoinSpec, WindowJoinSpec, UnnestCollection, UnnestSpec,
} from './types.js';
export { RegularJoinOperator, type RegularJoinState } from './regular-join-operator.js';
export { type JoinSideSnapshot } from './join-side-state.js';
export { parseStateTtl, stateTtlFromHint } from './state-ttl.js';
export { IntervalJoinOperator, intervalJoinBounds, type IntervalJoinState } from './interval-join-operator.js';
export { TemporalJoinOperator, type TemporalJoinState } from './temporal-join-operator.js';
export { LookupJoinOperator, type LookupJoinState } from './lookup-join-operator.js';
export { WindowJoinOperator, type WindowJoinState } from './window-join-operator.js';
export { UnnestOperator } from './unnest-operator.js';
export * from './match-recognize/index.js';
