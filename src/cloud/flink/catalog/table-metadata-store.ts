/**
 * What Kafka and Schema Registry cannot hold about a table — declared column types and order,
 * computed and metadata columns, the watermark, WITH options, comments, the primary key — kept in
 * the cloud's SQLite database (`flink_catalog_tables`), one row per (cluster, table).
 */
import type { Database } from 'better-sqlite3';
import type { CatalogColumn, FieldMapping, PrimaryKey, TableFormat } from './types.js';

/** The stored part of a table definition. */
export interface StoredTable {
  /** `created`: by CREATE TABLE; `inferred`: an inferred table changed by ALTER TABLE. */
  readonly origin: 'created' | 'inferred';
  /** Created: every declared column in order. Inferred: only the added computed/metadata columns. */
  readonly columns: readonly CatalogColumn[];
  /** `MODIFY key <type>` on an inferred raw-key table. */
  readonly keyType?: CatalogColumn;
  readonly primaryKey?: PrimaryKey;
  readonly distributionColumns?: readonly string[];
  /** Absent = the default `SOURCE_WATERMARK()` on `$rowtime`. */
  readonly watermark?: { readonly column: string; readonly expr: string };
  /** Declared (created) or ALTER-set (inferred) options, without derived defaults. */
  readonly options: Readonly<Record<string, string>>;
  readonly comment?: string;
  readonly keyFormat?: TableFormat;
  readonly keyFields?: readonly FieldMapping[];
  readonly valueFields?: readonly FieldMapping[];
  /** Schema ids registered by CREATE TABLE; a newer latest id means the schema evolved since. */
  readonly keySchemaId?: number;
  readonly valueSchemaId?: number;
  /** `createdAt` of the topic this definition belongs to (a recreated topic starts afresh). */
  readonly topicCreatedAt?: number;
}

/** SQLite persistence of StoredTable rows. */
export class TableMetadataStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS flink_catalog_tables (
        cluster_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        definition TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (cluster_id, table_name)
      )`);
  }

  /** The stored definition of a table, if any. */
  get(clusterId: string, table: string): StoredTable | undefined {
    const row = this.#db.prepare('SELECT definition FROM flink_catalog_tables WHERE cluster_id = ? AND table_name = ?').get(clusterId, table) as { definition: string } | undefined;
    return row === undefined ? undefined : JSON.parse(row.definition) as StoredTable;
  }

  /** Every stored (table name, definition) of a cluster, sorted by name. */
  list(clusterId: string): { readonly name: string; readonly def: StoredTable }[] {
    const rows = this.#db.prepare('SELECT table_name, definition FROM flink_catalog_tables WHERE cluster_id = ? ORDER BY table_name').all(clusterId) as { table_name: string; definition: string }[];
    return rows.map((r) => ({ name: r.table_name, def: JSON.parse(r.definition) as StoredTable }));
  }

  /** Creates or replaces a table's stored definition. */
  put(clusterId: string, table: string, def: StoredTable, now: number): void {
    this.#db.prepare(`INSERT INTO flink_catalog_tables (cluster_id, table_name, definition, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (cluster_id, table_name) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at`)
      .run(clusterId, table, JSON.stringify(def), now);
  }

  /** Forgets a table (DROP TABLE, or a topic deleted elsewhere). */
  delete(clusterId: string, table: string): void {
    this.#db.prepare('DELETE FROM flink_catalog_tables WHERE cluster_id = ? AND table_name = ?').run(clusterId, table);
  }

  /** Runs `fn` in one transaction (nests as a savepoint). */
  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }
}
