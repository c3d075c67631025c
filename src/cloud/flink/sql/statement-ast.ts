/** Statement nodes of the Flink SQL AST (DDL, DML, session and metadata statements). */
import type { DataType, Expr, Hint, KeyValue, Name, Query, Range } from './ast.js';

interface Node { readonly range: Range }

export interface PhysicalColumn extends Node {
  readonly kind: 'PhysicalColumn'; readonly name: string; readonly type: DataType; readonly comment?: string;
  readonly position?: ColumnPosition;
}
/** `name AS expr`. */
export interface ComputedColumn extends Node {
  readonly kind: 'ComputedColumn'; readonly name: string; readonly expr: Expr; readonly comment?: string;
  readonly position?: ColumnPosition;
}
/** `name TYPE METADATA [FROM 'key'] [VIRTUAL]`. */
export interface MetadataColumn extends Node {
  readonly kind: 'MetadataColumn'; readonly name: string; readonly type: DataType; readonly key?: string;
  readonly virtual: boolean; readonly comment?: string; readonly position?: ColumnPosition;
}
/** `FIRST` / `AFTER col` in ALTER TABLE ADD/MODIFY. */
export type ColumnPosition = { readonly kind: 'FIRST' } | { readonly kind: 'AFTER'; readonly column: string };
export type Column = PhysicalColumn | ComputedColumn | MetadataColumn;

export interface WatermarkDef extends Node { readonly kind: 'Watermark'; readonly column: Name; readonly expr: Expr }
export interface PrimaryKeyDef extends Node {
  readonly kind: 'PrimaryKey'; readonly constraintName?: string; readonly columns: readonly string[];
  /** False when `NOT ENFORCED` was omitted; the binder rejects that as Flink does. */
  readonly notEnforced: boolean;
}
export type SchemaItem = Column | WatermarkDef | PrimaryKeyDef;

export interface Distribution {
  readonly range: Range;
  /** Bucket key columns; absent for `DISTRIBUTED INTO n BUCKETS`. */
  readonly columns?: readonly string[];
  readonly hash: boolean;
  readonly buckets?: number;
}
export type LikeAction = 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING';
export type LikeFeature = 'ALL' | 'CONSTRAINTS' | 'PARTITIONS' | 'GENERATED' | 'OPTIONS' | 'WATERMARKS' | 'METADATA' | 'DISTRIBUTION';
export interface LikeClause { readonly range: Range; readonly source: Name; readonly options: readonly { readonly action: LikeAction; readonly feature: LikeFeature }[] }

export interface CreateTable extends Node {
  readonly kind: 'CreateTable';
  readonly orReplace: boolean;
  readonly ifNotExists: boolean;
  readonly name: Name;
  readonly columns: readonly Column[];
  readonly watermarks: readonly WatermarkDef[];
  readonly primaryKey?: PrimaryKeyDef;
  readonly comment?: string;
  readonly distribution?: Distribution;
  /** Deprecated `PARTITIONED BY (...)`, parsed so the binder can say so. */
  readonly partitionedBy?: readonly string[];
  readonly options: readonly KeyValue[];
  readonly like?: LikeClause;
  /** CTAS / RTAS. */
  readonly asQuery?: Query;
}

export type AlterTableAction =
  | { readonly kind: 'AddSchema'; readonly items: readonly SchemaItem[] }
  | { readonly kind: 'ModifySchema'; readonly items: readonly SchemaItem[] }
  | { readonly kind: 'DropColumns'; readonly columns: readonly string[] }
  | { readonly kind: 'DropWatermark' }
  | { readonly kind: 'DropPrimaryKey' }
  | { readonly kind: 'DropConstraint'; readonly name: string }
  | { readonly kind: 'SetOptions'; readonly options: readonly KeyValue[] }
  | { readonly kind: 'ResetOptions'; readonly keys: readonly string[] }
  | { readonly kind: 'RenameTable'; readonly newName: Name }
  | { readonly kind: 'RenameColumn'; readonly from: string; readonly to: string };

export interface AlterTable extends Node { readonly kind: 'AlterTable'; readonly ifExists: boolean; readonly name: Name; readonly action: AlterTableAction }
export interface DropTable extends Node { readonly kind: 'DropTable'; readonly ifExists: boolean; readonly name: Name }
export interface CreateView extends Node {
  readonly kind: 'CreateView'; readonly orReplace: boolean; readonly ifNotExists: boolean; readonly name: Name;
  readonly columns?: readonly string[]; readonly comment?: string; readonly query: Query;
}
export interface DropView extends Node { readonly kind: 'DropView'; readonly ifExists: boolean; readonly name: Name }
export interface Insert extends Node {
  readonly kind: 'Insert';
  readonly mode: 'INTO' | 'OVERWRITE';
  readonly target: Name;
  readonly targetHints: readonly Hint[];
  readonly columns?: readonly string[];
  readonly query: Query;
}
/** `EXECUTE STATEMENT SET BEGIN insert; ... END`. */
export interface StatementSet extends Node { readonly kind: 'StatementSet'; readonly inserts: readonly Insert[] }
export interface QueryStatement extends Node { readonly kind: 'QueryStatement'; readonly query: Query }
/** `SET 'k' = 'v'`, or bare `SET` (list properties). */
export interface SetStatement extends Node { readonly kind: 'Set'; readonly key?: string; readonly value?: string }
export interface ResetStatement extends Node { readonly kind: 'Reset'; readonly key?: string }
export interface UseCatalog extends Node { readonly kind: 'UseCatalog'; readonly catalog: string }
/** `USE db` or `USE cat.db`. */
export interface Use extends Node { readonly kind: 'Use'; readonly name: Name }

export type ShowWhat = 'CATALOGS' | 'CURRENT CATALOG' | 'DATABASES' | 'CURRENT DATABASE' | 'TABLES' | 'VIEWS'
  | 'FUNCTIONS' | 'USER FUNCTIONS' | 'COLUMNS' | 'JOBS' | 'MODELS' | 'CONNECTIONS';
export interface Show extends Node {
  readonly kind: 'Show';
  readonly what: ShowWhat;
  readonly from?: { readonly preposition: 'FROM' | 'IN'; readonly name: Name };
  readonly like?: { readonly negated: boolean; readonly pattern: string };
}
export interface ShowCreate extends Node { readonly kind: 'ShowCreate'; readonly object: 'TABLE' | 'VIEW' | 'MODEL'; readonly name: Name }
export interface Describe extends Node { readonly kind: 'Describe'; readonly extended: boolean; readonly name: Name }
export type ExplainDetail = 'CHANGELOG_MODE' | 'ESTIMATED_COST' | 'JSON_EXECUTION_PLAN' | 'PLAN_ADVICE';
export interface Explain extends Node {
  readonly kind: 'Explain'; readonly planFor: boolean; readonly details: readonly ExplainDetail[];
  readonly statement: QueryStatement | Insert | StatementSet | CreateTable;
}
/**
 * A statement recognised but not executable here: `support` says whether Confluent Cloud has it
 * (`not-supported-yet` in this emulator) or does not support it at all. `text` is the raw source.
 */
export interface Unsupported extends Node {
  readonly kind: 'Unsupported';
  readonly what: string;
  readonly support: 'not-supported-yet' | 'not-supported';
  readonly message: string;
  readonly text: string;
}

export type Statement =
  | CreateTable | AlterTable | DropTable | CreateView | DropView | Insert | StatementSet | QueryStatement
  | SetStatement | ResetStatement | UseCatalog | Use | Show | ShowCreate | Describe | Explain | Unsupported;
