/**
 * flink: Confluent Cloud for Apache Flink in the local cloud. The SQL path runs one way:
 * sql (parser) ← binder ← planner ← runtime ← statements, with types, expr and catalog below the
 * binder. Today this door exposes the statements store and REST routes.
 */
export * from './statements/index.js';
export { FlinkCatalog } from './catalog/index.js';
export { startExecutor, AutopilotPolicy, type AutopilotOptions, type Executor, type ExecutorCloud, type ExecutorOptions, type JobParallelism } from './executor/index.js';
/** Compute-pool capacity, CFU metering and statement metrics (served by cloud/metrics). */
export { FlinkOperations } from './executor/index.js';
export type { MetricsSnapshot, StatementMetrics, PoolMetrics, PoolUsage, StatementUsage, OperationsDeps, OperationsOptions } from './executor/index.js';
/** The Flink SQL parser and AST (used by the CLI for lineage and statement splitting). */
export * as flinkSql from './sql/index.js';
export { parseStatement } from './sql/index.js';
export type { Statement, Query } from './sql/index.js';
