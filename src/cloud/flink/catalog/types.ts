/**
 * Boundary types of the Flink catalog: tables as the binder and the statement runtime see them,
 * the plain input of CREATE / ALTER TABLE, and the rows of SHOW / DESCRIBE.
 */
import type { LogicalType } from '../types/index.js';

/** How a table's topic encodes changes (Confluent's `changelog.mode`). */
export type ChangelogMode = 'append' | 'upsert' | 'retract';

/** Key / value formats: the three SR formats, raw bytes, and the inferred-only Debezium envelopes. */
export type TableFormat =
  | 'avro-registry' | 'json-registry' | 'proto-registry' | 'raw'
  | 'avro-debezium-registry' | 'json-debezium-registry' | 'proto-debezium-registry';

/** An environment seen as a catalog (or the built-in `examples` catalog). */
export interface CatalogRef {
  readonly name: string;
  readonly id: string;
}

/** A Kafka cluster seen as a database (or the built-in `marketplace` database). */
export interface DatabaseRef {
  readonly name: string;
  readonly id: string;
}

/** A column stored in the topic (key and/or value). */
export interface PhysicalColumn {
  readonly kind: 'physical';
  readonly name: string;
  readonly type: LogicalType;
  readonly comment?: string;
}

/** `name AS expr`: the expression text is kept verbatim; the binder types it. */
export interface ComputedColumn {
  readonly kind: 'computed';
  readonly name: string;
  readonly expr: string;
  /** Known once a binder typed the expression (optional: the catalog cannot type expressions). */
  readonly type?: LogicalType;
  readonly comment?: string;
}

/** `name TYPE METADATA [FROM 'key'] [VIRTUAL]`. */
export interface MetadataColumn {
  readonly kind: 'metadata';
  readonly name: string;
  readonly type: LogicalType;
  /** The metadata key when it differs from the column name (`FROM 'key'`). */
  readonly key?: string;
  readonly virtual: boolean;
  readonly comment?: string;
}

/** One column of a table. */
export type CatalogColumn = PhysicalColumn | ComputedColumn | MetadataColumn;

/** The table's watermark: the system default (`SOURCE_WATERMARK()` on `$rowtime`) or a declared one. */
export interface TableWatermark {
  readonly column: string;
  /** Expression text, e.g. `` `ts` - INTERVAL '5' SECOND `` or `` `SOURCE_WATERMARK`() ``. */
  readonly expr: string;
  /** True for the implicit `WATERMARK FOR $rowtime AS SOURCE_WATERMARK()`. */
  readonly isDefault: boolean;
}

/** `DISTRIBUTED BY HASH(columns) INTO buckets BUCKETS`; buckets = topic partitions. */
export interface TableDistribution {
  readonly columns: readonly string[];
  readonly buckets: number;
}

/** `CONSTRAINT name PRIMARY KEY (columns) NOT ENFORCED`. */
export interface PrimaryKey {
  readonly name: string;
  readonly columns: readonly string[];
}

/** Where a physical column lives in the key or value schema (`field` absent = the whole atomic schema). */
export interface FieldMapping {
  readonly column: string;
  readonly field?: string;
}

/** A resolved table: everything the binder, planner, sources and sinks need. */
export interface CatalogTable {
  readonly catalog: CatalogRef;
  readonly database: DatabaseRef;
  readonly name: string;
  /** Declared columns in order (physical, computed, metadata); `$rowtime` is in `systemColumns`. */
  readonly columns: readonly CatalogColumn[];
  /** The hidden `$rowtime` column: not in `SELECT *`, DESCRIBE or SHOW CREATE TABLE; not writable. */
  readonly systemColumns: readonly MetadataColumn[];
  readonly primaryKey?: PrimaryKey;
  readonly distribution: TableDistribution;
  readonly watermark: TableWatermark;
  /** Effective WITH options, defaults included (what SHOW CREATE TABLE prints). */
  readonly options: Readonly<Record<string, string>>;
  readonly changelogMode: ChangelogMode;
  /** Absent when the Kafka key is null (no PK and no DISTRIBUTED BY columns). */
  readonly keyFormat?: TableFormat;
  readonly valueFormat: TableFormat;
  readonly keyFields: readonly FieldMapping[];
  readonly valueFields: readonly FieldMapping[];
  /** Latest `<topic>-key` / `<topic>-value` schema ids in the environment's Schema Registry. */
  readonly keySchemaId?: number;
  readonly valueSchemaId?: number;
  /** The SR cluster holding the subjects (absent for raw formats without a registry). */
  readonly schemaRegistryId?: string;
  readonly comment?: string;
  /** True when the table comes from a topic nobody declared with CREATE TABLE. */
  readonly inferred: boolean;
  /** True for `examples`.`marketplace` tables (every write fails). */
  readonly readOnly: boolean;
}

/** The current catalog / database of a statement (`sql.current-catalog` / `sql.current-database`). */
export interface SessionPath {
  readonly catalog?: string;
  readonly database?: string;
}

/** One declared column of CREATE TABLE / ALTER TABLE ADD, already typed by the binder. */
export type ColumnSpec =
  | { readonly kind: 'physical'; readonly name: string; readonly type: LogicalType; readonly comment?: string }
  | { readonly kind: 'computed'; readonly name: string; readonly expr: string; readonly type?: LogicalType; readonly comment?: string }
  | { readonly kind: 'metadata'; readonly name: string; readonly type: LogicalType; readonly key?: string; readonly virtual: boolean; readonly comment?: string };

/** The plain input of CREATE TABLE (the binder converts the parser's AST into this). */
export interface TableSpec {
  /** `[cat.][db.]name` as written. */
  readonly path: readonly string[];
  readonly ifNotExists?: boolean;
  readonly columns: readonly ColumnSpec[];
  readonly watermark?: { readonly column: string; readonly expr: string };
  readonly primaryKey?: { readonly name?: string; readonly columns: readonly string[] };
  readonly distribution?: { readonly columns?: readonly string[]; readonly buckets?: number };
  readonly options?: Readonly<Record<string, string>>;
  readonly comment?: string;
}

/** The schema a CTAS query produces (derived by the planner). */
export interface DerivedSchema {
  readonly columns: readonly { readonly name: string; readonly type: LogicalType }[];
  readonly changelogMode: ChangelogMode;
  /** The query's unique/upsert key, when it has one. */
  readonly primaryKey?: readonly string[];
}

/** One ALTER TABLE action (the binder converts the parser's AST into these). */
export type AlterAction =
  | { readonly kind: 'set-options'; readonly options: Readonly<Record<string, string>> }
  | { readonly kind: 'reset-options'; readonly keys: readonly string[] }
  | { readonly kind: 'add-watermark'; readonly column: string; readonly expr: string }
  | { readonly kind: 'modify-watermark'; readonly column: string; readonly expr: string }
  | { readonly kind: 'drop-watermark' }
  | { readonly kind: 'add-columns'; readonly columns: readonly ColumnSpec[] }
  | { readonly kind: 'modify-column'; readonly column: ColumnSpec }
  | { readonly kind: 'drop-columns'; readonly columns: readonly string[] };

/** A result set of SHOW / DESCRIBE: column names and string cells, in display order. */
export interface ResultTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A key or value schema seen from Flink: a record (one column per field) or one atomic column. */
export type SchemaShape =
  | { readonly kind: 'record'; readonly fields: readonly { readonly name: string; readonly type: LogicalType; readonly comment?: string }[] }
  | { readonly kind: 'atomic'; readonly type: LogicalType };
