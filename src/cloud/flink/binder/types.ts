/**
 * The binder's output: a typed, resolved logical tree. Every expression carries its LogicalType and
 * (for calls) the compiled function from flink/expr; every relation carries its output fields.
 * Plain immutable data; the planner turns it into a physical plan with changelog modes.
 */
import type { Range } from '../sql/index.js';
import type { BoundFunction } from '../expr/index.js';
import type { CatalogTable, SessionPath, TableSpec } from '../catalog/index.js';
import type { LogicalType } from '../types/index.js';
import type { Outcome } from '../../../shared/index.js';

/** A typed scalar expression over the fields of one input relation. */
export type BoundExpr =
  | { readonly kind: 'input'; readonly index: number; readonly type: LogicalType }
  | { readonly kind: 'literal'; readonly value: unknown; readonly type: LogicalType }
  | { readonly kind: 'call'; readonly fn: BoundFunction; readonly args: readonly BoundExpr[]; readonly type: LogicalType }
  | { readonly kind: 'case'; readonly whens: readonly BoundWhen[]; readonly otherwise: BoundExpr; readonly type: LogicalType }
  | { readonly kind: 'field'; readonly target: BoundExpr; readonly index: number; readonly type: LogicalType };

/** One `WHEN cond THEN value` of a bound CASE (value already cast to the CASE type). */
export interface BoundWhen {
  readonly when: BoundExpr;
  readonly then: BoundExpr;
}

/** An output column of a relation. `hidden` columns (`$rowtime`, VIRTUAL metadata) are skipped by `*`. */
export interface BoundField {
  readonly name: string;
  readonly type: LogicalType;
  readonly hidden?: boolean;
}

/** How a scan reads a table column: a physical column, or a metadata key appended after them. */
export type ScanColumn =
  | { readonly kind: 'physical'; readonly name: string; readonly type: LogicalType }
  | { readonly kind: 'metadata'; readonly name: string; readonly key: string; readonly type: LogicalType };

/** A logical relation. */
export type LogicalRel =
  | {
    readonly kind: 'scan'; readonly table: CatalogTable; readonly columns: readonly ScanColumn[];
    /** `/*+ OPTIONS(...) *\/` hint options on this table reference. */
    readonly hintOptions: Readonly<Record<string, string>>;
    readonly fields: readonly BoundField[];
  }
  | { readonly kind: 'values'; readonly rows: readonly (readonly BoundExpr[])[]; readonly fields: readonly BoundField[] }
  | { readonly kind: 'calc'; readonly input: LogicalRel; readonly project: readonly BoundExpr[]; readonly filter?: BoundExpr; readonly fields: readonly BoundField[] }
  | { readonly kind: 'union'; readonly inputs: readonly LogicalRel[]; readonly fields: readonly BoundField[] }
  | { readonly kind: 'limit'; readonly input: LogicalRel; readonly limit: number; readonly offset: number; readonly fields: readonly BoundField[]; readonly range: Range };

/** One INSERT INTO: the query already projected and cast to the table's writable columns. */
export interface BoundInsert {
  readonly table: CatalogTable;
  /** Writable columns of the table in sink row order (physical, then writable metadata). */
  readonly columns: readonly ScanColumn[];
  readonly query: LogicalRel;
}

/** A statement after binding. DDL, SHOW and DESCRIBE keep their AST: the executor runs them on the catalog. */
export type BoundStatement =
  | { readonly kind: 'select'; readonly query: LogicalRel }
  | { readonly kind: 'insert'; readonly inserts: readonly BoundInsert[]; readonly statementSet: boolean }
  | { readonly kind: 'create-table-as'; readonly spec: TableSpec; readonly query: LogicalRel };

/** Where names resolve and how expressions evaluate: from the statement's `spec.properties`. */
export interface BindOptions {
  readonly session: SessionPath;
  /** `sql.local-time-zone`; default UTC. */
  readonly timeZone?: string;
  /** File name used in diagnostic ranges; default `statement`. */
  readonly file?: string;
}

/** The catalog lookups the binder needs (FlinkCatalog satisfies it). */
export interface TableResolver {
  resolveTable(path: readonly string[], session: SessionPath): Outcome<CatalogTable>;
}

/** A source range in the AST, re-exported for binder callers. */
export type { Range };
