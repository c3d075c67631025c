/**
 * The Flink catalog of the local cloud: environments are catalogs, Kafka clusters databases,
 * topics (+ their `-key`/`-value` subjects) tables. Tables are always derived afresh from the topic
 * logs and Schema Registry, with CREATE/ALTER TABLE metadata overlaid from SQLite, so topics
 * created elsewhere appear immediately and schema evolution is picked up. Connector-only tables
 * (`nexmark`, `blackhole`; connector-table.ts) live in SQLite alone.
 */
import type { Database } from 'better-sqlite3';
import type { Clock, Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag, invariant } from '../../../shared/index.js';
import type { TopicLogStore } from '../../kafka/index.js';
import { TopicLogError } from '../../kafka/index.js';
import type { SchemaRegistryStore } from '../../schema-registry/index.js';
import { SchemaRegistryError } from '../../schema-registry/index.js';
import type { AlterAction, CatalogRef, CatalogTable, DatabaseRef, DerivedSchema, ResultTable, SessionPath, TableSpec } from './types.js';
import type { CatalogSource, ResolvedPath } from './catalog-resolver.js';
import {
  listCatalogRefs, listDatabaseRefs, quotedPath, resolveCatalog, resolvePath, tableNotFound, useCatalog, useDatabase,
} from './catalog-resolver.js';
import { EXAMPLES_CATALOG, EXAMPLE_TABLE_NAMES, exampleTable, readOnlyTable } from './examples-catalog.js';
import type { SubjectSchema } from './inferred-table.js';
import { inferTable } from './inferred-table.js';
import { TableMetadataStore } from './table-metadata-store.js';
import type { StoredTable } from './table-metadata-store.js';
import { assembleTable } from './table-assembly.js';
import { planCreateTable } from './create-table.js';
import { planAlterTable } from './alter-table.js';
import { tableSpecFromQuery } from './create-table-as.js';
import { showCreateTable } from './show-create-table.js';
import { describeTable } from './describe-table.js';
import { likeMatches } from './like-pattern.js';
import { alterConnectorTable, connectorOf, connectorTable, isConnectorStored, planConnectorTable } from './connector-table.js';
import type { CatalogView, ViewSpec } from './catalog-view.js';
import { ViewStore, describeView, showCreateView } from './catalog-view.js';

/** The control-plane lookups the catalog needs (ControlPlane satisfies it). */
export interface CatalogControlPlane extends CatalogSource {
  schemaRegistryOf(envId: string): { readonly id: string } | undefined;
}

/** Collaborators of FlinkCatalog: all share the cloud's one SQLite database. */
export interface FlinkCatalogDeps {
  readonly db: Database;
  readonly controlPlane: CatalogControlPlane;
  readonly topics: TopicLogStore;
  readonly schemaRegistry: SchemaRegistryStore;
  readonly clock: Clock;
}

/** The result of CREATE TABLE: the table, and whether it was created (false: IF NOT EXISTS hit). */
export interface CreateTableResult {
  readonly table: CatalogTable;
  readonly created: boolean;
}

/** Catalog service used by the binder and the statement runtime. */
export class FlinkCatalog {
  readonly #deps: FlinkCatalogDeps;
  readonly #store: TableMetadataStore;
  readonly #views: ViewStore;

  constructor(deps: FlinkCatalogDeps) {
    this.#deps = deps;
    this.#store = new TableMetadataStore(deps.db);
    this.#views = new ViewStore(deps.db);
  }

  /** SHOW CATALOGS: `catalog name`, `catalog id` (environments and `examples`). */
  showCatalogs(): ResultTable {
    return { columns: ['catalog name', 'catalog id'], rows: listCatalogRefs(this.#deps.controlPlane).map((c) => [c.name, c.id]) };
  }

  /** SHOW DATABASES of the current (or given) catalog: `database name`, `database id`. */
  showDatabases(session: SessionPath): Outcome<ResultTable> {
    const cat = this.#currentCatalog(session);
    if (cat.value === undefined) return { diagnostics: cat.diagnostics };
    return ok({ columns: ['database name', 'database id'], rows: listDatabaseRefs(this.#deps.controlPlane, cat.value).map((d) => [d.name, d.id]) });
  }

  /** SHOW TABLES [FROM db] [[NOT] LIKE 'pattern']: `table name`, sorted. */
  showTables(session: SessionPath, opts: { readonly from?: readonly string[]; readonly like?: { readonly pattern: string; readonly negated: boolean } } = {}): Outcome<ResultTable> {
    const db = this.#database(opts.from ?? [], session);
    if (db.value === undefined) return { diagnostics: db.diagnostics };
    const like = opts.like;
    const names = this.tableNames(db.value.catalog, db.value.database).filter((n) => like === undefined || likeMatches(like.pattern, n) !== like.negated);
    return ok({ columns: ['table name'], rows: names.map((n) => [n]) });
  }

  /** SHOW CURRENT CATALOG. */
  showCurrentCatalog(session: SessionPath): ResultTable {
    return { columns: ['current catalog name'], rows: [[session.catalog ?? '']] };
  }

  /** SHOW CURRENT DATABASE. */
  showCurrentDatabase(session: SessionPath): ResultTable {
    return { columns: ['current database name'], rows: [[session.database ?? '']] };
  }

  /** `USE CATALOG c`: the new session path (database cleared). */
  useCatalog(name: string): Outcome<SessionPath> {
    return useCatalog(this.#deps.controlPlane, name);
  }

  /** `USE db` / `` USE `c`.`d` ``: the new session path. */
  useDatabase(path: readonly string[], session: SessionPath): Outcome<SessionPath> {
    return useDatabase(this.#deps.controlPlane, path, session);
  }

  /** Table names of a database (topics that are not internal, connector-only tables and views, as Flink's SHOW TABLES lists them), sorted. */
  tableNames(catalog: CatalogRef, database: DatabaseRef): string[] {
    if (catalog.id === EXAMPLES_CATALOG.id) return [...EXAMPLE_TABLE_NAMES];
    const names = new Set(this.#deps.topics.listTopics(database.id).filter((t) => !t.isInternal).map((t) => t.name));
    for (const s of this.#store.list(database.id)) if (isConnectorStored(s.def)) names.add(s.name);
    for (const v of this.#views.names(database.id)) names.add(v);
    return [...names].sort();
  }

  /** SHOW VIEWS [FROM db] [[NOT] LIKE 'pattern']: `view name`, sorted. */
  showViews(session: SessionPath, opts: { readonly from?: readonly string[]; readonly like?: { readonly pattern: string; readonly negated: boolean } } = {}): Outcome<ResultTable> {
    const db = this.#database(opts.from ?? [], session);
    if (db.value === undefined) return { diagnostics: db.diagnostics };
    const like = opts.like;
    const names = db.value.catalog.id === EXAMPLES_CATALOG.id ? [] : this.#views.names(db.value.database.id);
    return ok({ columns: ['view name'], rows: names.filter((n) => like === undefined || likeMatches(like.pattern, n) !== like.negated).map((n) => [n]) });
  }

  /** The view at `[cat.][db.]name`, if there is one (unresolvable paths: none). */
  resolveView(path: readonly string[], session: SessionPath): CatalogView | undefined {
    const p = resolvePath(this.#deps.controlPlane, path, session);
    if (p.value === undefined || p.value.catalog.id === EXAMPLES_CATALOG.id) return undefined;
    const v = this.#views.get(p.value.database.id, p.value.table);
    return v === undefined ? undefined : { ...v, catalog: p.value.catalog, database: p.value.database, name: p.value.table };
  }

  /** CREATE [OR REPLACE] VIEW [IF NOT EXISTS]: views share the namespace of tables. */
  createView(spec: ViewSpec, session: SessionPath, opts: { readonly orReplace: boolean; readonly ifNotExists: boolean }): Outcome<{ readonly name: string; readonly created: boolean }> {
    const p = resolvePath(this.#deps.controlPlane, spec.path, session);
    if (p.value === undefined) return { diagnostics: p.diagnostics };
    const path = p.value;
    if (path.catalog.id === EXAMPLES_CATALOG.id) return { diagnostics: [readOnlyTable([path.catalog.name, path.database.name, path.table])] };
    const isView = this.#views.get(path.database.id, path.table) !== undefined;
    const taken = isView || this.#load(path) !== undefined;
    if (taken && opts.ifNotExists) return ok({ name: path.table, created: false });
    if (taken && !(isView && opts.orReplace)) {
      return { diagnostics: [errorDiag('flink-table-exists', `Table (or view) ${path.database.name}.${path.table} already exists in Catalog ${path.catalog.name}.`)] };
    }
    const { path: _path, ...stored } = spec;
    this.#views.put(path.database.id, path.table, stored, this.#deps.clock.now());
    return ok({ name: path.table, created: true });
  }

  /** DROP VIEW [IF EXISTS]: tables are not dropped this way. Views over the view fail when used. */
  dropView(path: readonly string[], session: SessionPath, opts: { readonly ifExists?: boolean } = {}): Outcome<{ readonly dropped: boolean }> {
    const p = resolvePath(this.#deps.controlPlane, path, session);
    if (p.value === undefined) return { diagnostics: p.diagnostics };
    const full = quotedPath([p.value.catalog.name, p.value.database.name, p.value.table]);
    if (this.resolveView(path, session) !== undefined) {
      this.#views.delete(p.value.database.id, p.value.table);
      return ok({ dropped: true });
    }
    if (opts.ifExists === true) return ok({ dropped: false });
    const isTable = this.#load(p.value) !== undefined;
    return { diagnostics: [errorDiag('flink-view-not-found', isTable ? `'${full}' is a table, not a view. Use DROP TABLE to drop it.` : `View with identifier '${full}' does not exist.`)] };
  }

  /** SHOW CREATE VIEW: one cell holding the DDL. */
  showCreateView(path: readonly string[], session: SessionPath): Outcome<ResultTable> {
    const v = this.resolveView(path, session);
    if (v !== undefined) return ok({ columns: ['SHOW CREATE VIEW'], rows: [[showCreateView(v)]] });
    const t = this.resolveTable(path, session);
    if (t.value === undefined) return { diagnostics: t.diagnostics };
    const full = quotedPath([t.value.catalog.name, t.value.database.name, t.value.name]);
    return { diagnostics: [errorDiag('flink-not-a-view', `SHOW CREATE VIEW is only supported for views, but ${full} is a table. Please use SHOW CREATE TABLE instead.`)] };
  }

  /** Resolves `[cat.][db.]table` to the table as it is now. */
  resolveTable(path: readonly string[], session: SessionPath): Outcome<CatalogTable> {
    const p = resolvePath(this.#deps.controlPlane, path, session);
    if (p.value === undefined) return { diagnostics: p.diagnostics };
    const t = this.#load(p.value);
    if (t !== undefined) return ok(t);
    if (p.value.catalog.id !== EXAMPLES_CATALOG.id && this.#views.get(p.value.database.id, p.value.table) !== undefined) {
      const full = quotedPath([p.value.catalog.name, p.value.database.name, p.value.table]);
      return { diagnostics: [errorDiag('flink-view-not-table', `${full} is a view, not a table. A view can only be queried (DROP VIEW drops it).`)] };
    }
    return { diagnostics: [tableNotFound(p.value, this.tableNames(p.value.catalog, p.value.database))] };
  }

  /** CREATE TABLE: creates the topic, registers the subjects, stores the definition (connector-only tables: the definition alone). */
  createTable(spec: TableSpec, session: SessionPath): Outcome<CreateTableResult> {
    const p = resolvePath(this.#deps.controlPlane, spec.path, session);
    if (p.value === undefined) return { diagnostics: p.diagnostics };
    const path = p.value;
    if (path.catalog.id === EXAMPLES_CATALOG.id) return { diagnostics: [readOnlyTable([path.catalog.name, path.database.name, path.table])] };
    const existing = this.#load(path);
    if (existing !== undefined || this.#views.get(path.database.id, path.table) !== undefined) {
      if (spec.ifNotExists === true && existing !== undefined) return ok({ table: existing, created: false });
      return { diagnostics: [errorDiag('flink-table-exists', `Table (or view) ${path.database.name}.${path.table} already exists in Catalog ${path.catalog.name}.`)] };
    }
    if (connectorOf(spec.options) !== undefined) {
      const def = planConnectorTable(spec);
      if (def.value === undefined) return { diagnostics: def.diagnostics };
      this.#store.put(path.database.id, path.table, def.value, this.#deps.clock.now());
      return ok({ table: connectorTable(path, def.value), created: true });
    }
    const plan = planCreateTable(spec);
    if (plan.value === undefined) return { diagnostics: plan.diagnostics };
    const { partitions, topicConfigs, keySchema, valueSchema, stored } = plan.value;
    const srId = this.#deps.controlPlane.schemaRegistryOf(path.catalog.id)?.id;
    if (srId === undefined && (keySchema !== undefined || valueSchema !== undefined)) {
      return { diagnostics: [errorDiag('flink-no-schema-registry', `The environment '${path.catalog.name}' has no Schema Registry; enable Stream Governance to create tables with registry formats.`)] };
    }
    const failed = this.#edge(() => this.#store.transaction(() => {
      const topic = this.#deps.topics.createTopic(path.database.id, path.table, { partitionsCount: partitions, configs: topicConfigs });
      const keyId = srId !== undefined && keySchema !== undefined ? this.#deps.schemaRegistry.register(srId, `${path.table}-key`, keySchema).id : undefined;
      const valueId = srId !== undefined && valueSchema !== undefined ? this.#deps.schemaRegistry.register(srId, `${path.table}-value`, valueSchema).id : undefined;
      this.#store.put(path.database.id, path.table, {
        ...stored, topicCreatedAt: topic.createdAt, ...(keyId === undefined ? {} : { keySchemaId: keyId }), ...(valueId === undefined ? {} : { valueSchemaId: valueId }),
      }, this.#deps.clock.now());
    }));
    if (failed !== undefined) return { diagnostics: [failed] };
    const table = this.#load(path);
    invariant(table !== undefined, `table ${path.table} not found right after CREATE TABLE`);
    return ok({ table, created: true });
  }

  /** CREATE TABLE … AS SELECT: the declared part merged with the query's derived schema, then created. */
  createTableAs(spec: TableSpec, derived: DerivedSchema, session: SessionPath): Outcome<CreateTableResult> {
    const merged = tableSpecFromQuery(spec, derived);
    if (merged.value === undefined) return { diagnostics: merged.diagnostics };
    return this.createTable(merged.value, session);
  }

  /**
   * DROP TABLE: deletes the topic, soft-deletes the `-key`/`-value` subjects (Confluent's behaviour
   * for subjects is unconfirmed; soft delete keeps them recoverable) and forgets the metadata.
   */
  dropTable(path: readonly string[], session: SessionPath, opts: { readonly ifExists?: boolean } = {}): Outcome<{ readonly dropped: boolean }> {
    const t = this.resolveTable(path, session);
    if (t.value === undefined) {
      const notFound = t.diagnostics.every((d) => d.code === 'flink-table-not-found' || d.code === 'flink-view-not-table');
      return opts.ifExists === true && notFound ? ok({ dropped: false }) : { diagnostics: t.diagnostics };
    }
    const table = t.value;
    if (table.readOnly) return { diagnostics: [readOnlyTable([table.catalog.name, table.database.name, table.name])] };
    if (connectorOf(table.options) !== undefined) {
      this.#store.delete(table.database.id, table.name);
      return ok({ dropped: true });
    }
    const srId = this.#deps.controlPlane.schemaRegistryOf(table.catalog.id)?.id;
    const failed = this.#edge(() => this.#store.transaction(() => {
      this.#deps.topics.deleteTopic(table.database.id, table.name);
      if (srId !== undefined) {
        const live = new Set(this.#deps.schemaRegistry.listSubjects(srId));
        for (const s of [`${table.name}-key`, `${table.name}-value`]) if (live.has(s)) this.#deps.schemaRegistry.deleteSubject(srId, s);
      }
      this.#store.delete(table.database.id, table.name);
    }));
    return failed === undefined ? ok({ dropped: true }) : { diagnostics: [failed] };
  }

  /** ALTER TABLE: one or several actions, all or nothing; returns the table as it is afterwards. */
  alterTable(path: readonly string[], session: SessionPath, actions: AlterAction | readonly AlterAction[]): Outcome<CatalogTable> {
    const p = resolvePath(this.#deps.controlPlane, path, session);
    if (p.value === undefined) return { diagnostics: p.diagnostics };
    const resolved = p.value;
    if (resolved.catalog.id === EXAMPLES_CATALOG.id) return { diagnostics: [readOnlyTable([resolved.catalog.name, resolved.database.name, resolved.table])] };
    const own = this.#store.get(resolved.database.id, resolved.table);
    if (isConnectorStored(own)) {
      let def: StoredTable = own;
      for (const action of isActionList(actions) ? actions : [actions]) {
        const next = alterConnectorTable(connectorTable(resolved, def), def, action);
        if (next.value === undefined) return { diagnostics: next.diagnostics };
        def = next.value;
      }
      this.#store.put(resolved.database.id, resolved.table, def, this.#deps.clock.now());
      return ok(connectorTable(resolved, def));
    }
    const found = this.#base(resolved);
    if (found === undefined) {
      const why = this.resolveTable(path, session).diagnostics; // a view says so
      return { diagnostics: why.length > 0 ? why : [tableNotFound(resolved, this.tableNames(resolved.catalog, resolved.database))] };
    }
    const { base, topicCreatedAt } = found;
    let stored = this.#stored(resolved, topicCreatedAt);
    for (const action of isActionList(actions) ? actions : [actions]) {
      const next = planAlterTable(assembleTable(base, stored), stored, action);
      if (next.value === undefined) return { diagnostics: next.diagnostics };
      stored = next.value;
    }
    if (stored !== undefined) this.#store.put(resolved.database.id, resolved.table, { ...stored, topicCreatedAt }, this.#deps.clock.now());
    return ok(assembleTable(base, stored));
  }

  /** SHOW CREATE TABLE: one cell holding the DDL. */
  showCreateTable(path: readonly string[], session: SessionPath): Outcome<ResultTable> {
    const v = this.resolveView(path, session);
    if (v !== undefined) {
      const full = quotedPath([v.catalog.name, v.database.name, v.name]);
      return { diagnostics: [errorDiag('flink-not-a-table', `SHOW CREATE TABLE is only supported for tables, but ${full} is a view. Please use SHOW CREATE VIEW instead.`)] };
    }
    const t = this.resolveTable(path, session);
    return t.value === undefined ? { diagnostics: t.diagnostics } : ok({ columns: ['SHOW CREATE TABLE'], rows: [[showCreateTable(t.value)]] });
  }

  /** DESCRIBE [EXTENDED]. */
  describe(path: readonly string[], session: SessionPath, opts: { readonly extended?: boolean; readonly typed?: (t: CatalogTable) => CatalogTable } = {}): Outcome<ResultTable> {
    const v = this.resolveView(path, session);
    if (v !== undefined) return ok(describeView(v, opts.extended === true));
    const t = this.resolveTable(path, session);
    // `typed` (from the binder) types the computed columns: the catalog cannot type expressions.
    return t.value === undefined ? { diagnostics: t.diagnostics } : ok(describeTable(opts.typed?.(t.value) ?? t.value, opts.extended === true));
  }

  #load(path: ResolvedPath): CatalogTable | undefined {
    if (path.catalog.id === EXAMPLES_CATALOG.id) return exampleTable(path.table);
    const own = this.#store.get(path.database.id, path.table);
    if (isConnectorStored(own)) return connectorTable(path, own);
    const found = this.#base(path);
    return found === undefined ? undefined : assembleTable(found.base, this.#stored(path, found.topicCreatedAt));
  }

  /**
   * The stored definition, unless it belongs to an earlier topic of the same name (deleted and
   * recreated outside Flink): then the new topic is an inferred table again.
   */
  #stored(path: ResolvedPath, topicCreatedAt: number): StoredTable | undefined {
    const stored = this.#store.get(path.database.id, path.table);
    return stored === undefined || (stored.topicCreatedAt !== undefined && stored.topicCreatedAt !== topicCreatedAt) ? undefined : stored;
  }

  /** The table as the topic and its subjects alone describe it. */
  #base(path: ResolvedPath): { base: CatalogTable; topicCreatedAt: number } | undefined {
    const { topics, schemaRegistry, controlPlane } = this.#deps;
    if (!topics.hasTopic(path.database.id, path.table)) return undefined;
    const topic = topics.describeTopic(path.database.id, path.table);
    if (topic.isInternal) return undefined;
    const srId = controlPlane.schemaRegistryOf(path.catalog.id)?.id;
    const subject = (suffix: string): SubjectSchema | undefined => {
      if (srId === undefined) return undefined;
      try {
        const v = schemaRegistry.getVersion(srId, `${path.table}-${suffix}`, 'latest');
        const parsed = schemaRegistry.parsedSchema(srId, v.id);
        return parsed === undefined ? undefined : { id: v.id, parsed };
      } catch (err) {
        if (err instanceof SchemaRegistryError) return undefined;
        throw err;
      }
    };
    const key = subject('key');
    const value = subject('value');
    const base = inferTable({
      catalog: path.catalog, database: path.database, topic,
      ...(srId === undefined ? {} : { schemaRegistryId: srId }),
      ...(key === undefined ? {} : { key }),
      ...(value === undefined ? {} : { value }),
    });
    return { base, topicCreatedAt: topic.createdAt };
  }

  #currentCatalog(session: SessionPath): Outcome<CatalogRef> {
    if (session.catalog === undefined || session.catalog === '') {
      return { diagnostics: [errorDiag('flink-no-current-catalog', "No current catalog is set. Use USE CATALOG or the 'sql.current-catalog' property.")] };
    }
    return resolveCatalog(this.#deps.controlPlane, session.catalog);
  }

  #database(from: readonly string[], session: SessionPath): Outcome<{ catalog: CatalogRef; database: DatabaseRef }> {
    const p = resolvePath(this.#deps.controlPlane, [...from, '_'], session);
    return p.value === undefined ? { diagnostics: p.diagnostics } : ok({ catalog: p.value.catalog, database: p.value.database });
  }

  /** Runs I/O against topics and the registry; their failures become diagnostics (house rule 5). */
  #edge(fn: () => void): Diagnostic | undefined {
    try {
      fn();
      return undefined;
    } catch (err) {
      if (err instanceof TopicLogError) return err.toDiagnostic();
      if (err instanceof SchemaRegistryError) return errorDiag('flink-schema-registry-error', err.message);
      throw err;
    }
  }
}

function isActionList(a: AlterAction | readonly AlterAction[]): a is readonly AlterAction[] {
  return Array.isArray(a);
}

function ok<T>(value: T): Outcome<T> {
  return { value, diagnostics: [] };
}
