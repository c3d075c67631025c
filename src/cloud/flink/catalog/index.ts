/**
 * cloud/flink/catalog: the Flink catalog of the local cloud — environments as catalogs, Kafka
 * clusters as databases, topics with their Schema Registry subjects as tables (inferred or created
 * by CREATE TABLE), connector-only tables (`nexmark`, `blackhole`: no topic, definition stored in
 * SQLite), the read-only `examples`.`marketplace` (`'connector' = 'faker'`), identifier resolution with Confluent's
 * error wording, CREATE/ALTER/DROP TABLE, views (catalog-view.ts: stored query text and schema), SHOW
 * and DESCRIBE results.
 * Depends on shared/, flink/types, flink/sql (AST types and printer only), and kafka/ and
 * schema-registry/ through their index.ts; the control plane enters structurally
 * (CatalogControlPlane, which ControlPlane satisfies). Must not depend on the binder, planner,
 * runtime or statements.
 */
export { FlinkCatalog } from './flink-catalog.js';
export type { FlinkCatalogDeps, CatalogControlPlane, CreateTableResult } from './flink-catalog.js';
export type {
  AlterAction, CatalogColumn, CatalogRef, CatalogTable, ChangelogMode, ColumnSpec, ComputedColumn, DatabaseRef, DerivedSchema,
  FieldMapping, MetadataColumn, PhysicalColumn, PrimaryKey, ResultTable, SchemaShape, SessionPath, TableDistribution,
  TableFormat, TableSpec, TableWatermark,
} from './types.js';
export { quotedPath, catalogNotFound, databaseNotFound } from './catalog-resolver.js';
export type { CatalogView, StoredView, ViewColumn, ViewSpec } from './catalog-view.js';
export { viewColumnNames } from './catalog-view.js';
export { CONNECTOR_TABLE_CONNECTORS, connectorOf } from './connector-table.js';
export { EXAMPLES_CATALOG, EXAMPLES_DATABASE, readOnlyTable } from './examples-catalog.js';
export { ROWTIME, SOURCE_WATERMARK_EXPR } from './system-columns.js';
export { METADATA_KEYS } from './metadata-keys.js';
export { showCreateTable, columnDdl } from './show-create-table.js';
export { describeTable } from './describe-table.js';
export { likeMatches } from './like-pattern.js';
export { shapeOf } from './inferred-table.js';
export { avroRecordSchema, AVRO_NAMESPACE } from './flink-to-avro.js';
export { parseDuration, formatDuration, parseMemorySize, formatMemorySize, KNOWN_OPTIONS, CREATION_ONLY_OPTIONS } from './table-options.js';
export { tableSpecFromAst, alterActionsFromAst } from './table-spec-from-ast.js';
export { logicalTypeOf } from './logical-type-of.js';
export { selectStarColumns, sinkColumns, findColumn, rowtimeColumnName } from './table-columns.js';
