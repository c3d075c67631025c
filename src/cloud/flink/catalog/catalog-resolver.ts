/**
 * Identifier resolution exactly like Confluent Cloud: catalogs are environments (display name or
 * `env-` id), databases are Kafka clusters (display name or `lkc-` id), plus the built-in
 * `examples`.`marketplace`. Errors use Confluent's wording so users can search for them.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { didYouMean, errorDiag } from '../../../shared/index.js';
import { quoteIdentifier } from '../types/index.js';
import type { CatalogRef, DatabaseRef, SessionPath } from './types.js';
import { EXAMPLES_CATALOG, EXAMPLES_DATABASE } from './examples-catalog.js';

/** What the resolver needs from the control plane (ControlPlane satisfies it). */
export interface CatalogSource {
  environments(): readonly { readonly id: string; readonly displayName: string }[];
  kafkaClusters(envId: string): readonly { readonly id: string; readonly displayName: string }[];
}

/** A fully resolved table path; `table` is the name as written (tables are case-sensitive). */
export interface ResolvedPath {
  readonly catalog: CatalogRef;
  readonly database: DatabaseRef;
  readonly table: string;
}

/** Renders `` `c`.`d`.`t` ``. */
export function quotedPath(parts: readonly string[]): string {
  return parts.map(quoteIdentifier).join('.');
}

/** Resolves a catalog by display name first, then by environment id. */
export function resolveCatalog(src: CatalogSource, nameOrId: string): Outcome<CatalogRef> {
  if (nameOrId === EXAMPLES_CATALOG.name || nameOrId === EXAMPLES_CATALOG.id) return { value: EXAMPLES_CATALOG, diagnostics: [] };
  const envs = src.environments();
  const byName = envs.filter((e) => e.displayName === nameOrId);
  const hit = byName.length === 1 ? byName[0] : byName.length === 0 ? envs.find((e) => e.id === nameOrId) : undefined;
  if (hit === undefined) return { diagnostics: [catalogNotFound(nameOrId)] };
  return { value: { name: hit.displayName, id: hit.id }, diagnostics: [] };
}

/** Resolves a database of a catalog by cluster display name first, then by cluster id. */
export function resolveDatabase(src: CatalogSource, catalog: CatalogRef, nameOrId: string): Outcome<DatabaseRef> {
  if (catalog.id === EXAMPLES_CATALOG.id) {
    if (nameOrId === EXAMPLES_DATABASE.name || nameOrId === EXAMPLES_DATABASE.id) return { value: EXAMPLES_DATABASE, diagnostics: [] };
    return { diagnostics: [databaseNotFound(nameOrId, catalog.name)] };
  }
  const clusters = src.kafkaClusters(catalog.id);
  const byName = clusters.filter((c) => c.displayName === nameOrId);
  const hit = byName.length === 1 ? byName[0] : byName.length === 0 ? clusters.find((c) => c.id === nameOrId) : undefined;
  if (hit === undefined) return { diagnostics: [databaseNotFound(nameOrId, catalog.name)] };
  return { value: { name: hit.displayName, id: hit.id }, diagnostics: [] };
}

/** Resolves a 1-, 2- or 3-part table name against the session's current catalog and database. */
export function resolvePath(src: CatalogSource, path: readonly string[], session: SessionPath): Outcome<ResolvedPath> {
  if (path.length < 1 || path.length > 3) {
    return { diagnostics: [errorDiag('flink-invalid-identifier', `Invalid table identifier ${quotedPath(path)}: expected [catalog.][database.]table.`)] };
  }
  const table = path[path.length - 1] ?? '';
  const catName = path.length === 3 ? path[0] : session.catalog;
  if (catName === undefined || catName === '') return { diagnostics: [noCurrent('catalog', quotedPath(path))] };
  const cat = resolveCatalog(src, catName);
  if (cat.value === undefined) return { diagnostics: cat.diagnostics };
  const dbName = path.length >= 2 ? path[path.length - 2] : session.database;
  if (dbName === undefined || dbName === '') return { diagnostics: [noCurrent('database', quotedPath(path))] };
  const db = resolveDatabase(src, cat.value, dbName);
  if (db.value === undefined) return { diagnostics: db.diagnostics };
  return { value: { catalog: cat.value, database: db.value, table }, diagnostics: [] };
}

/** `USE CATALOG c`: sets the catalog and clears the database. */
export function useCatalog(src: CatalogSource, name: string): Outcome<SessionPath> {
  const cat = resolveCatalog(src, name);
  return cat.value === undefined ? { diagnostics: cat.diagnostics } : { value: { catalog: name }, diagnostics: [] };
}

/** `USE db` (needs a current catalog) or `` USE `c`.`d` ``: sets both. */
export function useDatabase(src: CatalogSource, path: readonly string[], session: SessionPath): Outcome<SessionPath> {
  if (path.length < 1 || path.length > 2) {
    return { diagnostics: [errorDiag('flink-invalid-identifier', `Invalid database identifier ${quotedPath(path)}: expected [catalog.]database.`)] };
  }
  const catName = path.length === 2 ? path[0] : session.catalog;
  if (catName === undefined || catName === '') return { diagnostics: [noCurrent('catalog', quotedPath(path))] };
  const cat = resolveCatalog(src, catName);
  if (cat.value === undefined) return { diagnostics: cat.diagnostics };
  const dbName = path[path.length - 1] ?? '';
  const db = resolveDatabase(src, cat.value, dbName);
  if (db.value === undefined) return { diagnostics: db.diagnostics };
  return { value: { catalog: catName, database: dbName }, diagnostics: [] };
}

/** Every catalog visible here: the environments plus `examples`, sorted by name. */
export function listCatalogRefs(src: CatalogSource): CatalogRef[] {
  const refs = src.environments().map((e) => ({ name: e.displayName, id: e.id }));
  return [...refs, EXAMPLES_CATALOG].sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** Every database of a catalog, sorted by name. */
export function listDatabaseRefs(src: CatalogSource, catalog: CatalogRef): DatabaseRef[] {
  if (catalog.id === EXAMPLES_CATALOG.id) return [EXAMPLES_DATABASE];
  return src.kafkaClusters(catalog.id).map((c) => ({ name: c.displayName, id: c.id })).sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
}

/** `Cannot find table '`c`.`d`.`t`'.` with a did-you-mean over the database's tables. */
export function tableNotFound(path: ResolvedPath, known: readonly string[]): Diagnostic {
  const full = quotedPath([path.catalog.name, path.database.name, path.table]);
  const close = didYouMean(path.table, known);
  const hint = close === undefined ? '' : ` Did you mean '${quotedPath([path.catalog.name, path.database.name, close])}'?`;
  return errorDiag('flink-table-not-found', `Cannot find table '${full}'.${hint}`);
}

/** Confluent's message for an unknown catalog. */
export function catalogNotFound(nameOrId: string): Diagnostic {
  return errorDiag('flink-catalog-not-found',
    `A catalog with name or id '${nameOrId}' cannot be resolved. Possible reasons:\n`
    + '\t1. You might not have permissions to access it.\n'
    + '\t2. The catalog might not exist.\n'
    + '\t3. There might be multiple catalogs with the same name.');
}

/** Confluent's message for an unknown database. */
export function databaseNotFound(nameOrId: string, catalog: string): Diagnostic {
  return errorDiag('flink-database-not-found',
    `A database with name '${nameOrId}' does not exist, or you have no permissions to access it in catalog '${catalog}'.`);
}

function noCurrent(what: 'catalog' | 'database', path: string): Diagnostic {
  const how = what === 'catalog' ? "USE CATALOG or the 'sql.current-catalog' property" : "USE or the 'sql.current-database' property";
  return errorDiag(`flink-no-current-${what}`, `Cannot resolve ${path}: no current ${what} is set. Qualify the name or set one with ${how}.`);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
