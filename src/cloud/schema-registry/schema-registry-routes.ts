/** The Schema Registry REST API of every SR cluster, served under `/sr/:sr_id` (client base URL `…/sr/lsrc-x`). */
import type { Route } from '../http/index.js';
import type { SchemaRegistryStore } from './schema-registry-store.js';
import type { SchemaRegistryRouteOptions } from './route-support.js';
import { subjectRoutes } from './subject-routes.js';
import { schemaRoutes } from './schema-routes.js';
import { configRoutes } from './config-routes.js';

/** All Schema Registry routes (error envelope `schema-registry`). */
export function schemaRegistryRoutes(store: SchemaRegistryStore, opts: SchemaRegistryRouteOptions): Route[] {
  return [...subjectRoutes(store, opts), ...schemaRoutes(store, opts), ...configRoutes(store, opts)];
}
