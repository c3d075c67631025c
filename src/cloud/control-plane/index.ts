/**
 * cloud/control-plane: the local cloud's Confluent Cloud control plane (organizations,
 * environments, Kafka and SR clusters, compute pools, regions, service accounts, API keys, role
 * bindings) over SQLite, plus id and CRN shapes. Depends on shared/, cloud/http and cloud/auth;
 * must not depend on kafka/, schema-registry/, flink/ or connectors/ (they are wired by server.ts).
 */
export { ControlPlane } from './control-plane.js';
export type { ControlPlaneOptions, AdminCredentials } from './control-plane.js';
export type { AccessCheck, ControlPlaneHooks, Visibility } from './control-plane-context.js';
export { openDatabase } from './cloud-database.js';
export type { Db } from './cloud-database.js';
export * from './crn.js';
export { newId, freshId, newApiKeyId, newApiSecret } from './ids.js';
export type { IdPrefix } from './ids.js';
export { FLINK_REGIONS, findRegion, findRegionById } from './region-catalog.js';
export type { FlinkRegion } from './region-catalog.js';
export { MAX_CFU_VALUES } from './compute-pool-routes.js';
export type * from './types.js';
export { withKafkaAuthz, withSchemaRegistryAuthz } from './data-plane-authz.js';
export type { DataPlaneLookups } from './data-plane-authz.js';
