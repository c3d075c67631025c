/**
 * cloud/connectors: Confluent's managed-connector API (`connect/v1`) and the ConnectorStore a
 * connector runtime (Datagen, later) drives. Depends on shared/, cloud/http and
 * cloud/control-plane (ids and CRNs); must not depend on kafka/, flink/ or cli/.
 */
export { ConnectorStore } from './connector-store.js';
export type { ConnectorEvent } from './connector-store.js';
export { connectorRoutes } from './connector-routes.js';
export type { ConnectorRoutesContext } from './connector-routes.js';
export { CONNECTOR_PLUGINS, DATAGEN_QUICKSTARTS, findPlugin, validateConfig } from './plugin-catalog.js';
export type * from './types.js';
export { ConnectorRuntime } from './connector-runtime.js';
export type { ConnectorRuntimeDeps } from './connector-runtime.js';
