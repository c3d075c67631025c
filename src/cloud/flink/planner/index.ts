/**
 * cloud/flink/planner: bound statements → physical plans. Every node carries its changelog mode
 * and, when it has one, its upsert key (decided before anything runs, so an updating query into an
 * append table is a planning error and CTAS derives an upsert/retract table); scans resolve their
 * startup/bounded modes from table options, `sql.tables.scan.*` properties and OPTIONS hints, plan
 * the table's watermark strategy, and upsert sources are normalized by key; stateful relations
 * become group/window aggregates, Top-N, deduplication and OVER nodes (plan-stateful.ts) with
 * their state TTL; expressions become row closures. Before planning, Calcs over insert-only scans
 * are narrowed to the columns the operators above read (projection pushdown, prune-columns.ts).
 * Depends on shared/, flink/{types,expr,catalog,sql,binder}; must not depend on the runtime,
 * statements or executor (the executor turns a plan into a runtime job).
 */
export type {
  ChangeKind, ChangelogKinds, RowFn, RowPredicateFn, StartupSpec, BoundedSpec, PhysicalNode, PhysicalSink, PhysicalPlan, JobSqlKind, PlanOptions,
  PlannedAggregate, KeyFn, ScanWatermarkSpec, WindowingSpec,
} from './types.js';
export { planStatement, planSelect, planInserts, deriveSchema } from './plan-statement.js';
export { explainPlan, nodeTitle } from './explain.js';
export { isInsertOnly, modeName, printKinds } from './changelog-mode.js';
export { isStatefulNode, isStatefulPlan, statefulReasons } from './statefulness.js';
export { START_OFFSETS, START_EARLIEST, CUT_OVER } from './scan-options.js';
export { compileExpr, compileProjection, compilePredicate } from './compile-expr.js';
