/**
 * The catalog a plan-time validation binds against: the cloud's real catalog, overlaid by a
 * scratch FlinkCatalog over an in-memory SQLite database that holds what the plan will create
 * (topics, subjects, CREATE TABLE / CTAS tables). Nothing is written to the real cloud.
 * Catalogs and databases a statement's session names but which do not exist yet (an environment
 * or cluster created by the same plan) become "planned" namespaces of the scratch catalog.
 */
import Database from 'better-sqlite3';
import type { Clock, Outcome } from '../../../shared/index.js';
import { TopicLogError, TopicLogStore } from '../../kafka/index.js';
import { SchemaParseError, SchemaRegistryError, SchemaRegistryStore } from '../../schema-registry/index.js';
import type { SchemaType } from '../../schema-registry/index.js';
import { EXAMPLES_CATALOG, FlinkCatalog } from '../catalog/index.js';
import type { CatalogControlPlane, CatalogTable, CatalogView, SessionPath } from '../catalog/index.js';
import type { TableResolver } from '../binder/index.js';

/** What validation needs from the running cloud (server.ts wires the real services). */
export interface ValidationCloud {
  readonly catalog: FlinkCatalog;
  readonly controlPlane: CatalogControlPlane;
  readonly schemaRegistry: SchemaRegistryStore;
  readonly clock: Clock;
}

/** A schema the plan will register for a table's `-key` or `-value` subject. */
export interface OverlaySchema {
  readonly schemaType: SchemaType;
  readonly schema: string;
}

/** A topic the plan will create; `cluster` absent when its cluster is created by the same plan. */
export interface OverlayTable {
  readonly name: string;
  readonly cluster?: string;
  readonly partitions?: number;
  readonly keySchema?: OverlaySchema;
  readonly valueSchema?: OverlaySchema;
}

interface Ref {
  readonly id: string;
  readonly displayName: string;
}

/** The real control plane plus planned environments and clusters (display names only). */
class PlannedControlPlane implements CatalogControlPlane {
  readonly #real: CatalogControlPlane;
  readonly #envs: Ref[] = [];
  readonly #clusters = new Map<string, Ref[]>();
  readonly #planned = new Set<string>();

  constructor(real: CatalogControlPlane) {
    this.#real = real;
  }

  environments(): readonly Ref[] {
    return [...this.#real.environments(), ...this.#envs];
  }

  kafkaClusters(envId: string): readonly Ref[] {
    const real = this.#envs.some((e) => e.id === envId) ? [] : this.#real.kafkaClusters(envId);
    return [...real, ...(this.#clusters.get(envId) ?? [])];
  }

  schemaRegistryOf(envId: string): { readonly id: string } {
    return this.#real.schemaRegistryOf(envId) ?? { id: `planned-sr-${envId}` };
  }

  /** Ids of the planned clusters (databases). */
  plannedClusters(): readonly string[] {
    return [...this.#planned];
  }

  /** The environment owning a cluster id, real or planned. */
  environmentOf(clusterId: string): string | undefined {
    return this.environments().find((e) => this.kafkaClusters(e.id).some((c) => c.id === clusterId))?.id;
  }

  /** Makes the session's catalog and database exist, adding planned ones where missing. */
  ensure(session: SessionPath): void {
    const catName = session.catalog;
    if (catName === undefined || catName === '' || catName === EXAMPLES_CATALOG.name) return;
    const envs = this.environments();
    let env = envs.find((e) => e.displayName === catName) ?? envs.find((e) => e.id === catName);
    if (env === undefined) {
      env = { id: `planned-env-${this.#envs.length + 1}`, displayName: catName };
      this.#envs.push(env);
    }
    const dbName = session.database;
    if (dbName === undefined || dbName === '') return;
    const clusters = this.kafkaClusters(env.id);
    if (clusters.some((c) => c.displayName === dbName || c.id === dbName)) return;
    const id = `planned-lkc-${this.#planned.size + 1}`;
    this.#clusters.set(env.id, [...(this.#clusters.get(env.id) ?? []), { id, displayName: dbName }]);
    this.#planned.add(id);
  }
}

/** Real catalog + scratch overlay; tables the plan creates shadow real ones of the same name. */
export class ScratchCatalog implements TableResolver {
  readonly #cloud: ValidationCloud;
  readonly #db: Database.Database;
  readonly #plane: PlannedControlPlane;
  readonly #topics: TopicLogStore;
  readonly #registry: SchemaRegistryStore;
  /** The scratch catalog: CREATE TABLE and CTAS of validated statements go here. */
  readonly scratch: FlinkCatalog;
  /** Planned tables whose columns are not known at plan (no schema yet), by table name. */
  readonly #opaque = new Set<string>();
  #touchedOpaque = false;

  constructor(cloud: ValidationCloud) {
    this.#cloud = cloud;
    this.#db = new Database(':memory:');
    this.#plane = new PlannedControlPlane(cloud.controlPlane);
    this.#topics = new TopicLogStore(this.#db, { clock: cloud.clock });
    this.#registry = new SchemaRegistryStore(this.#db);
    this.scratch = new FlinkCatalog({ db: this.#db, controlPlane: this.#plane, topics: this.#topics, schemaRegistry: this.#registry, clock: cloud.clock });
  }

  /** Declares the planned namespaces of every session, then creates the overlay topics. */
  prepare(sessions: readonly SessionPath[], tables: readonly OverlayTable[]): void {
    for (const s of sessions) this.#plane.ensure(s);
    for (const t of tables) {
      const clusters = t.cluster !== undefined && this.#plane.environmentOf(t.cluster) !== undefined ? [t.cluster] : this.#plane.plannedClusters();
      for (const cluster of clusters) this.#addTopic(cluster, t);
    }
  }

  /** Starts a statement: forgets whether the previous one touched an opaque table. */
  beginStatement(): void {
    this.#touchedOpaque = false;
  }

  /**
   * True when the current statement resolved a planned table whose schema is not known at plan
   * (a topic whose subjects a connector or producer registers later): its errors are not reliable.
   */
  touchedOpaque(): boolean {
    return this.#touchedOpaque;
  }

  /** Marks a table (e.g. a CTAS over an opaque table) as having unknown columns. */
  markOpaque(name: string): void {
    this.#opaque.add(name);
  }

  /** The table in the overlay, else in the real catalog; an error names what the overlay sees. */
  resolveTable(path: readonly string[], session: SessionPath): Outcome<CatalogTable> {
    if (this.#opaque.has(path[path.length - 1] ?? '')) this.#touchedOpaque = true;
    const planned = this.scratch.resolveTable(path, session);
    if (planned.value !== undefined) return planned;
    const real = this.#cloud.catalog.resolveTable(path, session);
    if (real.value !== undefined) return real;
    return real.diagnostics.every((d) => d.code === 'flink-table-not-found') ? real : planned;
  }

  /** The view in the overlay (created earlier in the plan), else in the real catalog. */
  resolveView(path: readonly string[], session: SessionPath): CatalogView | undefined {
    return this.scratch.resolveView(path, session) ?? this.#cloud.catalog.resolveView(path, session);
  }

  /** True when the real catalog already has the table. */
  existsInCloud(path: readonly string[], session: SessionPath): boolean {
    return this.#cloud.catalog.resolveTable(path, session).value !== undefined;
  }

  /** Frees the in-memory database. */
  close(): void {
    this.#db.close();
  }

  #addTopic(cluster: string, t: OverlayTable): void {
    try {
      if (this.#topics.hasTopic(cluster, t.name)) return;
      this.#topics.createTopic(cluster, t.name, { partitionsCount: t.partitions ?? 6 });
    } catch (err) {
      if (err instanceof TopicLogError) return; // an invalid topic fails its own resource's plan
      throw err;
    }
    const envId = this.#plane.environmentOf(cluster);
    if (envId === undefined) { this.#opaque.add(t.name); return; }
    const srId = this.#plane.schemaRegistryOf(envId).id;
    const realSr = this.#cloud.controlPlane.schemaRegistryOf(envId)?.id;
    for (const [suffix, planned] of [['key', t.keySchema], ['value', t.valueSchema]] as const) {
      const subject = `${t.name}-${suffix}`;
      const input = planned ?? (realSr === undefined ? undefined : this.#realSubject(realSr, subject));
      if (input === undefined) {
        if (suffix === 'value') this.#opaque.add(t.name);
        continue;
      }
      try {
        this.#registry.register(srId, subject, { schema: input.schema, schemaType: input.schemaType, references: [] });
      } catch (err) {
        if (!(err instanceof SchemaRegistryError) && !(err instanceof SchemaParseError)) throw err; // a bad schema fails its own resource
      }
    }
  }

  #realSubject(srId: string, subject: string): OverlaySchema | undefined {
    try {
      const v = this.#cloud.schemaRegistry.getVersion(srId, subject, 'latest');
      return { schema: v.schema, schemaType: v.schemaType };
    } catch (err) {
      if (err instanceof SchemaRegistryError) return undefined;
      throw err;
    }
  }
}
