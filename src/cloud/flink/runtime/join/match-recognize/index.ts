/**
 * cloud/flink/runtime/join/match-recognize: the MATCH_RECOGNIZE operator — a compiled row pattern
 * (NFA over DEFINE closures), per-partition matching in event-time order, MEASURES closures,
 * AFTER MATCH SKIP and WITHIN. Depends on the runtime core only; never on the SQL AST or planner.
 */
export type {
  PatternNode, SkipStrategy, MatchRows, DefineContext, DefineCondition, MatchView, MatchRecognizeSpec,
} from './types.js';
export { compilePattern, MAX_UNROLL, type PatternProgram } from './pattern-program.js';
export { MatchRecognizeOperator, type MatchRecognizeState } from './match-recognize-operator.js';
export { MAX_THREADS, type PartitionMatcherState } from './partition-matcher.js';
