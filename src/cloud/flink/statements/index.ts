/**
 * cloud/flink/statements: the `sql/v1` statements API and the StatementStore a runtime drives
 * (phases, traits, exceptions, offsets, result pages), and the streamform `statements:validate`
 * extension (plan-time SQL validation over a scratch catalog). Depends on shared/, cloud/http,
 * cloud/control-plane (CRN shapes only) and the lower flink layers; only the validate-* files use
 * kafka/ and schema-registry/ (an in-memory scratch catalog). Must not depend on the executor or cli/.
 */
export { StatementStore } from './statement-store.js';
export { statementRoutes, PENDING_DETAIL } from './statement-routes.js';
export type { StatementRoutesContext, PoolInfo } from './statement-routes.js';
export { renderStatement, statementsPath } from './statement-render.js';
export * from './types.js';
export { statementValidationRoutes, parseValidationRequest } from './validate-routes.js';
export type { ValidationRoutesContext } from './validate-routes.js';
export { validateStatements, sessionOfProperties } from './validate-statements.js';
export type { ValidationInput, ValidationProblem, StatementValidation, ValidationRequest } from './validate-statements.js';
export type { ValidationCloud, OverlayTable, OverlaySchema } from './validate-scratch-catalog.js';
