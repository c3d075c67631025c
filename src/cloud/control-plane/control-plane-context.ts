/** What every control-plane route group needs: the store, org id, injected clock/ids and hooks. */
import type { Clock, IdSource } from '../../shared/index.js';
import type { Authorization, HttpRequest, Page } from '../http/index.js';
import { ApiError, pageUrl } from '../http/index.js';
import type { DocumentStore } from './document-store.js';
import type { Stamped } from './types.js';

/**
 * Throws a 403 ApiError when the request's principal may not do `operation` on `crn`.
 * A no-op when auth is off (no principal on the request).
 */
export type AccessCheck = (req: HttpRequest, crn: string, operation: string) => void;

/** True when the request's principal may describe `crn` (always true when auth is off); filters lists. */
export type Visibility = (req: HttpRequest, crn: string) => boolean;

/** Cross-family effects of control-plane changes, wired by server.ts. */
export interface ControlPlaneHooks {
  /** The Kafka wire listener's bootstrap endpoint (`SASL_PLAINTEXT://127.0.0.1:<port>`), once it listens. */
  kafkaBootstrap?(): string | undefined;
  /** A Kafka cluster was deleted: drop its topics. */
  readonly onClusterDeleted?: (clusterId: string) => void;
  /** A Schema Registry cluster was deleted with its environment: drop its subjects. */
  readonly onSchemaRegistryDeleted?: (srId: string) => void;
  /** A compute pool's max_cfu was raised: statements waiting for room may fit now. */
  readonly onComputePoolResized?: (poolId: string) => void;
  /** A compute pool was deleted: stop its statements. */
  readonly onComputePoolDeleted?: (poolId: string, envId: string) => void;
  /** An environment was deleted: delete its Flink statements (running ones stop with their job). */
  readonly onEnvironmentDeleted?: (envId: string) => void;
  /** CFUs a pool currently uses (0 until a runtime reports). */
  readonly currentCfu?: (poolId: string) => number;
}

/** Shared dependencies of the control-plane route groups. */
export interface ControlPlaneContext {
  readonly store: DocumentStore;
  readonly orgId: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly access: AccessCheck;
  readonly visible: Visibility;
  readonly hooks: ControlPlaneHooks;
}

/** The clock's current time as RFC 3339. */
export function nowIso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

/** `metadata` of a single control-plane object. */
export function objectMetadata(req: HttpRequest, selfPath: string, resourceName: string, rec: Stamped): Record<string, unknown> {
  return { self: `${req.baseUrl}${selfPath}`, resource_name: resourceName, created_at: rec.createdAt, updated_at: rec.updatedAt };
}

/** A Confluent list body (`{api_version, kind: "XList", metadata: {first, next}, data}`). */
export function listBody(req: HttpRequest, apiVersion: string, kind: string, page: Page<unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { first: pageUrl(req.baseUrl, req.path, req.query, undefined) };
  if (page.nextToken !== undefined) metadata['next'] = pageUrl(req.baseUrl, req.path, req.query, page.nextToken);
  return { api_version: apiVersion, kind: `${kind}List`, metadata, data: page.items };
}

/** The 404 for a missing object, in the control plane's words. */
export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'not_found', `${what} '${id}' not found.`);
}

/** An Authorization for a route. */
export function authz(crn: (req: HttpRequest) => string, operation: string): Authorization {
  return { crn, operation };
}
