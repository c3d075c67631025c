/**
 * cloud/flink/statements: the `sql/v1` statements API and the StatementStore a runtime drives
 * (phases, traits, exceptions, offsets, result pages). Depends on shared/, cloud/http and
 * cloud/control-plane (CRN shapes only); must not depend on kafka/, schema-registry/ or cli/.
 */
export { StatementStore } from './statement-store.js';
export { statementRoutes, PENDING_DETAIL } from './statement-routes.js';
export type { StatementRoutesContext, PoolInfo } from './statement-routes.js';
export { renderStatement, statementsPath } from './statement-render.js';
export * from './types.js';
