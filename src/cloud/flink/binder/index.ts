/**
 * cloud/flink/binder: parsed SQL → typed, resolved logical relations. Resolves tables through the
 * catalog (incl. `$rowtime`, metadata and computed columns, the rowtime attribute and watermark),
 * types every expression with flink/expr's function signatures and implicit casts, expands `*`,
 * binds aggregations (GROUP BY, grouping sets, HAVING, DISTINCT), window TVFs, OVER, Top-N and
 * deduplication with Flink's result types, and reports problems worded as
 * Confluent Cloud does (`SQL validation failed. Error from line … Caused by: …`).
 * Depends on shared/, flink/{sql,types,expr,catalog}; must not depend on the planner, runtime,
 * statements or executor.
 */
export type {
  BoundExpr, BoundWhen, BoundField, ScanColumn, LogicalRel, BoundInsert, BoundStatement, BindOptions, TableResolver,
  AggregateName, BoundAggregate, BoundWindow, ScanWatermark, BoundOrderKey, BoundOverFrame, BoundJoinType, BoundJoinStrategy,
  BoundPattern, BoundSkip, MatchSlot, BoundMatchExpr,
} from './types.js';
export { bindStatement, isQueryStatement, evalContextOf } from './bind-statement.js';
export { withTypedComputedColumns } from './bind-proctime.js';
export { bindCreateView } from './bind-create-view.js';
export { bindInsertInto, writableColumns, type InsertOptions } from './bind-insert.js';
export { validationError, notSupportedYet } from './sql-error.js';
export { parseDurationMs } from './duration.js';
