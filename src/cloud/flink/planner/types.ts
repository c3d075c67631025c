/**
 * The planner's output: a physical plan whose every node carries its changelog mode, with
 * expressions compiled to row closures. Plain data plus closures; the executor turns it into a
 * runtime job (sources with codecs, operators, sinks).
 */
import type { CatalogTable } from '../catalog/index.js';
import type { BoundField, ScanColumn } from '../binder/index.js';

/** A change kind in Flink's EXPLAIN spelling. */
export type ChangeKind = 'I' | 'UB' | 'UA' | 'D';

/** The set of change kinds a node may emit, in I, UB, UA, D order. */
export type ChangelogKinds = readonly ChangeKind[];

/** Compiled projection of one input row into one output row. */
export type RowFn = (row: unknown[]) => unknown[];
/** Compiled predicate; only `true` passes (SQL three-valued logic). */
export type RowPredicateFn = (row: unknown[]) => boolean | null;

/** `scan.startup.mode` resolved from table options, statement properties and hints. */
export type StartupSpec =
  | { readonly kind: 'earliest-offset' }
  | { readonly kind: 'latest-offset' }
  | { readonly kind: 'timestamp'; readonly millis: number }
  | { readonly kind: 'specific-offsets'; readonly offsets: readonly { readonly partition: number; readonly offset: number }[] };

/** `scan.bounded.mode` resolved likewise. */
export type BoundedSpec =
  | { readonly kind: 'unbounded' }
  | { readonly kind: 'latest-offset' }
  | { readonly kind: 'timestamp'; readonly millis: number }
  | { readonly kind: 'specific-offsets'; readonly offsets: readonly { readonly partition: number; readonly offset: number }[] };

interface NodeBase {
  /** Stable id: names the node's state in checkpoints, so equal plans give equal ids. */
  readonly id: string;
  readonly changelog: ChangelogKinds;
  readonly fields: readonly BoundField[];
}

/** A physical node producing changes. */
export type PhysicalNode =
  | NodeBase & {
    readonly kind: 'scan'; readonly table: CatalogTable; readonly columns: readonly ScanColumn[];
    readonly startup: StartupSpec; readonly bounded: BoundedSpec; readonly errorHandling: 'fail' | 'ignore';
  }
  | NodeBase & { readonly kind: 'values'; readonly rows: readonly (readonly unknown[])[] }
  | NodeBase & { readonly kind: 'calc'; readonly input: PhysicalNode; readonly project?: RowFn; readonly filter?: RowPredicateFn; readonly projection: readonly string[]; readonly where?: string }
  | NodeBase & { readonly kind: 'union'; readonly inputs: readonly PhysicalNode[] }
  | NodeBase & { readonly kind: 'limit'; readonly input: PhysicalNode; readonly limit: number; readonly offset: number };

/** A terminal node. */
export type PhysicalSink =
  | { readonly kind: 'topic-sink'; readonly id: string; readonly input: PhysicalNode; readonly table: CatalogTable; readonly columns: readonly ScanColumn[] }
  | { readonly kind: 'results-sink'; readonly id: string; readonly input: PhysicalNode; readonly fields: readonly BoundField[] }
  | { readonly kind: 'blackhole-sink'; readonly id: string; readonly input: PhysicalNode };

/** Confluent's `status.traits.sql_kind` values for job statements. */
export type JobSqlKind = 'SELECT' | 'INSERT_INTO' | 'CREATE_TABLE_AS' | 'EXECUTE_STATEMENT_SET';

/** A planned statement. */
export interface PhysicalPlan {
  readonly sqlKind: JobSqlKind;
  readonly sinks: readonly PhysicalSink[];
  /** True when every input ends (bounded scans, VALUES) or a LIMIT ends the query. */
  readonly bounded: boolean;
  /** True when every sink receives inserts only. */
  readonly appendOnly: boolean;
  /** The result schema (SELECT) or the written columns (single INSERT / CTAS). */
  readonly schema: readonly BoundField[];
}

/** Statement-level settings that shape scans (`spec.properties`). */
export interface PlanOptions {
  /** `spec.properties`: `sql.tables.scan.*` overrides are read from here. */
  readonly properties?: Readonly<Record<string, string>>;
  /** File name used in diagnostic ranges. */
  readonly file?: string;
}
