/**
 * Views: a named query kept in the cloud's SQLite database (`flink_catalog_views`), one row per
 * (cluster, view) — views live in a catalog.database like tables and share their namespace. The
 * query text is stored with the session path it was created under, so its names resolve as they
 * did at CREATE VIEW (Flink stores the expanded, fully qualified query for the same reason); the
 * output schema derived when the view was created answers DESCRIBE without re-binding.
 */
import type { Database } from 'better-sqlite3';
import type { LogicalType } from '../types/index.js';
import { printType, quoteIdentifier, withNullable, withoutTimeAttribute } from '../types/index.js';
import type { CatalogRef, DatabaseRef, ResultTable, SessionPath } from './types.js';
import { quoteString } from './show-create-table.js';

/** One output column of a view, as derived when the view was created. */
export interface ViewColumn {
  readonly name: string;
  readonly type: LogicalType;
}

/** The stored part of a view. */
export interface StoredView {
  /** The query, printed canonically from the AST (re-parsed when the view is used). */
  readonly query: string;
  /** Column names declared by `CREATE VIEW v (a, b)`. */
  readonly columns?: readonly string[];
  readonly comment?: string;
  /** Current catalog and database of the CREATE VIEW statement: the query's names resolve against them. */
  readonly session: SessionPath;
  readonly schema: readonly ViewColumn[];
}

/** A view as the binder and the metadata statements see it. */
export interface CatalogView extends StoredView {
  readonly catalog: CatalogRef;
  readonly database: DatabaseRef;
  readonly name: string;
}

/** What CREATE VIEW stores, before the catalog places it. */
export interface ViewSpec extends StoredView {
  readonly path: readonly string[];
}

/** SQLite persistence of views. */
export class ViewStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS flink_catalog_views (
        cluster_id TEXT NOT NULL,
        view_name TEXT NOT NULL,
        definition TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (cluster_id, view_name)
      )`);
  }

  /** The stored view, if any. */
  get(clusterId: string, name: string): StoredView | undefined {
    const row = this.#db.prepare('SELECT definition FROM flink_catalog_views WHERE cluster_id = ? AND view_name = ?').get(clusterId, name) as { definition: string } | undefined;
    return row === undefined ? undefined : JSON.parse(row.definition) as StoredView;
  }

  /** View names of a cluster, sorted. */
  names(clusterId: string): string[] {
    const rows = this.#db.prepare('SELECT view_name FROM flink_catalog_views WHERE cluster_id = ? ORDER BY view_name').all(clusterId) as { view_name: string }[];
    return rows.map((r) => r.view_name);
  }

  /** Creates or replaces a view. */
  put(clusterId: string, name: string, def: StoredView, now: number): void {
    this.#db.prepare(`INSERT INTO flink_catalog_views (cluster_id, view_name, definition, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (cluster_id, view_name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`)
      .run(clusterId, name, JSON.stringify(def), now);
  }

  /** Forgets a view. */
  delete(clusterId: string, name: string): void {
    this.#db.prepare('DELETE FROM flink_catalog_views WHERE cluster_id = ? AND view_name = ?').run(clusterId, name);
  }
}

/** The view's output names: the declared column list, else the query's. */
export function viewColumnNames(v: StoredView): readonly string[] {
  return v.columns ?? v.schema.map((c) => c.name);
}

/** SHOW CREATE VIEW: the fully qualified name, the column list, the comment and the stored query. */
export function showCreateView(v: CatalogView): string {
  const name = [v.catalog.name, v.database.name, v.name].map(quoteIdentifier).join('.');
  const out = [`CREATE VIEW ${name} (`, viewColumnNames(v).map((c) => `  ${quoteIdentifier(c)}`).join(',\n'), ')'];
  if (v.comment !== undefined) out.push(`COMMENT ${quoteString(v.comment)}`);
  out.push(`AS ${v.query}`);
  return out.join('\n');
}

/** DESCRIBE of a view: the table layout (`Column Name`, `Data Type`, `Nullable`, `Extras`) with empty extras. */
export function describeView(v: CatalogView, extended: boolean): ResultTable {
  const header = ['Column Name', 'Data Type', 'Nullable', 'Extras'];
  const names = viewColumnNames(v);
  const rows = v.schema.map((c, i) => {
    const attr = c.type.kind === 'TIMESTAMP' || c.type.kind === 'TIMESTAMP_LTZ' ? c.type.timeAttribute : undefined;
    const type = `${printType(withNullable(withoutTimeAttribute(c.type), true))}${attr === undefined ? '' : ` *${attr.toUpperCase()}*`}`;
    const row = [names[i] ?? c.name, type, c.type.nullable ? 'NULL' : 'NOT NULL', ''];
    return extended ? [...row, ''] : row;
  });
  return { columns: extended ? [...header, 'Comment'] : header, rows };
}
