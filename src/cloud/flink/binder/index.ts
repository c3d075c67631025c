/**
 * cloud/flink/binder: parsed SQL → typed, resolved logical relations. Resolves tables through the
 * catalog (incl. `$rowtime`, metadata and computed columns), types every expression with
 * flink/expr's function signatures and implicit casts, expands `*`, and reports problems worded as
 * Confluent Cloud does (`SQL validation failed. Error from line … Caused by: …`).
 * Depends on shared/, flink/{sql,types,expr,catalog}; must not depend on the planner, runtime,
 * statements or executor.
 */
export type { BoundExpr, BoundWhen, BoundField, ScanColumn, LogicalRel, BoundInsert, BoundStatement, BindOptions, TableResolver } from './types.js';
export { bindStatement, isQueryStatement, evalContextOf } from './bind-statement.js';
export { bindInsertInto, writableColumns, type InsertOptions } from './bind-insert.js';
export { validationError, notSupportedYet } from './sql-error.js';
