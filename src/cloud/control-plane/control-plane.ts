/**
 * The control-plane service: owns the metadata tables in `cloud.db`, the organization of this
 * data directory, its routes, and the lookups other API families need (does a cluster exist,
 * which environment holds it, who owns a key).
 */
import type { Clock, IdSource } from '../../shared/index.js';
import type { Route } from '../http/index.js';
import type { AuthSource, Binding, StoredKey } from '../auth/index.js';
import type { Db } from './cloud-database.js';
import { migrateControlPlane } from './cloud-database.js';
import type { AccessCheck, ControlPlaneContext, ControlPlaneHooks, Visibility } from './control-plane-context.js';
import { nowIso } from './control-plane-context.js';
import { DocumentStore } from './document-store.js';
import { organizationRoutes } from './organization-routes.js';
import { environmentRoutes } from './environment-routes.js';
import { kafkaClusterRoutes } from './kafka-cluster-routes.js';
import { schemaRegistryClusterRoutes } from './schema-registry-cluster-routes.js';
import { computePoolRoutes } from './compute-pool-routes.js';
import { flinkRegionRoutes } from './flink-region-routes.js';
import { serviceAccountRoutes } from './service-account-routes.js';
import { apiKeyRoutes, createApiKey } from './api-key-routes.js';
import { roleBindingRoutes, insertRoleBinding } from './role-binding-routes.js';
import { freshId } from './ids.js';
import { orgCrn } from './crn.js';
import type { ComputePoolRecord, EnvironmentRecord, KafkaClusterRecord, SrClusterRecord } from './types.js';

/** Options for ControlPlane. */
export interface ControlPlaneOptions {
  readonly clock: Clock;
  readonly ids: IdSource;
  /** Throws 403 when the request's principal may not act on a CRN (no-op when auth is off). */
  readonly access: AccessCheck;
  /** Filters list results to what the caller may describe (default: everything). */
  readonly visible?: Visibility;
  readonly hooks?: ControlPlaneHooks;
}

/** Credentials of the bootstrap OrganizationAdmin. */
export interface AdminCredentials {
  readonly userId: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/** The control plane of one data directory. */
export class ControlPlane {
  readonly #ctx: ControlPlaneContext;

  constructor(db: Db, opts: ControlPlaneOptions) {
    migrateControlPlane(db);
    const store = new DocumentStore(db);
    const orgId = store.transaction(() => {
      const existing = store.getMeta('organization_id');
      if (existing !== undefined) return existing;
      const id = opts.ids.uuid();
      store.setMeta('organization_id', id);
      store.setMeta('organization_created_at', nowIso(opts.clock));
      return id;
    });
    this.#ctx = { store, orgId, clock: opts.clock, ids: opts.ids, access: opts.access, visible: opts.visible ?? (() => true), hooks: opts.hooks ?? {} };
  }

  /** The organization UUID (one per data directory). */
  get orgId(): string {
    return this.#ctx.orgId;
  }

  /** Every control-plane route. */
  routes(): Route[] {
    const c = this.#ctx;
    return [
      ...organizationRoutes(c), ...environmentRoutes(c), ...kafkaClusterRoutes(c), ...schemaRegistryClusterRoutes(c),
      ...computePoolRoutes(c), ...flinkRegionRoutes(c), ...serviceAccountRoutes(c), ...apiKeyRoutes(c), ...roleBindingRoutes(c),
    ];
  }

  /** Keys and bindings for the authorizer. */
  authSource(): AuthSource {
    const store = this.#ctx.store;
    return {
      findApiKey(id: string): StoredKey | undefined {
        const k = store.get('api-key', id);
        if (k === undefined) return undefined;
        const base = { id: k.id, ownerId: k.ownerId, secretHash: k.secretHash };
        if (k.resource === undefined) return base;
        const family = k.resource.apiVersion === 'cmk/v2' ? 'kafka' : k.resource.apiVersion === 'fcpm/v2' ? 'flink' : 'schema-registry';
        return { ...base, resource: k.resource.environmentId === undefined ? { family, id: k.resource.id } : { family, id: k.resource.id, environmentId: k.resource.environmentId } };
      },
      bindingsOf(principal: string): readonly Binding[] {
        return store.list('role-binding')
          .filter((b) => b.principal === `User:${principal}`)
          .map((b) => ({ principal: b.principal, roleName: b.roleName, crnPattern: b.crnPattern }));
      },
    };
  }

  /**
   * The bootstrap OrganizationAdmin: on first call creates a user `u-…`, an OrganizationAdmin
   * binding on the organization and a Cloud API key; returns undefined on later calls (the
   * secret exists only once; callers persist it).
   */
  createBootstrapAdmin(): AdminCredentials | undefined {
    const c = this.#ctx;
    return c.store.transaction(() => {
      if (c.store.getMeta('bootstrap_user') !== undefined) return undefined;
      const now = nowIso(c.clock);
      const userId = freshId(c.ids, 'u', (x) => c.store.has('user', x));
      c.store.insert('user', { id: userId, email: 'admin@streamform.local', fullName: 'Local Admin', createdAt: now, updatedAt: now });
      insertRoleBinding(c, { principal: `User:${userId}`, roleName: 'OrganizationAdmin', crnPattern: orgCrn(c.orgId) });
      const { record, secret } = createApiKey(c, { ownerId: userId, displayName: 'bootstrap admin', description: 'Created on first start of the local cloud with auth on.' });
      c.store.setMeta('bootstrap_user', userId);
      return { userId, apiKey: record.id, apiSecret: secret };
    });
  }

  /** An environment by id. */
  environment(id: string): EnvironmentRecord | undefined {
    return this.#ctx.store.get('environment', id);
  }

  /** A Kafka cluster by id. */
  kafkaCluster(id: string): KafkaClusterRecord | undefined {
    return this.#ctx.store.get('kafka-cluster', id);
  }

  /** Every Kafka cluster of an environment, in creation order. */
  kafkaClusters(envId: string): readonly KafkaClusterRecord[] {
    return this.#ctx.store.list('kafka-cluster', envId);
  }

  /** Every environment, in creation order. */
  environments(): readonly EnvironmentRecord[] {
    return this.#ctx.store.list('environment');
  }

  /** A Schema Registry cluster by id. */
  schemaRegistry(id: string): SrClusterRecord | undefined {
    return this.#ctx.store.get('sr-cluster', id);
  }

  /** The Schema Registry cluster of an environment, if any. */
  schemaRegistryOf(envId: string): SrClusterRecord | undefined {
    return this.#ctx.store.list('sr-cluster', envId)[0];
  }

  /** A compute pool by id. */
  computePool(id: string): ComputePoolRecord | undefined {
    return this.#ctx.store.get('compute-pool', id);
  }

  /** Every compute pool of an environment, in creation order. */
  computePools(envId: string): readonly ComputePoolRecord[] {
    return this.#ctx.store.list('compute-pool', envId);
  }

  /** True when a principal id (`sa-…`, `u-…`) exists. */
  principalExists(id: string): boolean {
    if (id.startsWith('sa-')) return this.#ctx.store.has('service-account', id);
    if (id.startsWith('u-')) return this.#ctx.store.has('user', id);
    return false;
  }
}
