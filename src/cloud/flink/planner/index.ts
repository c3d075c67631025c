/**
 * cloud/flink/planner: bound statements → physical plans for the stateless SQL path. Every node
 * carries its changelog mode (decided before anything runs, so an updating query into an append
 * table is a planning error), scans resolve their startup/bounded modes from table options,
 * `sql.tables.scan.*` properties and OPTIONS hints, and expressions become row closures.
 * Depends on shared/, flink/{types,expr,catalog,sql,binder}; must not depend on the runtime,
 * statements or executor (the executor turns a plan into a runtime job).
 */
export type {
  ChangeKind, ChangelogKinds, RowFn, RowPredicateFn, StartupSpec, BoundedSpec, PhysicalNode, PhysicalSink, PhysicalPlan, JobSqlKind, PlanOptions,
} from './types.js';
export { planStatement, planSelect, planInserts, deriveSchema } from './plan-statement.js';
export { explainPlan, nodeTitle } from './explain.js';
export { isInsertOnly, modeName, printKinds } from './changelog-mode.js';
export { compileExpr, compileProjection, compilePredicate } from './compile-expr.js';
