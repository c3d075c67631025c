/**
 * The planner's output: a physical plan whose every node carries its changelog mode, with
 * expressions compiled to row closures. Plain data plus closures; the executor turns it into a
 * runtime job (sources with codecs, operators, sinks).
 */
import type { CatalogTable } from '../catalog/index.js';
import type { AggregateName, BoundField, BoundJoinType, BoundOverFrame, BoundPattern, BoundSkip, BoundWindow, ScanColumn } from '../binder/index.js';
import type { LogicalType } from '../types/index.js';

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
  /** Output columns that identify a row across updates (the upsert key), when the node has one. */
  readonly upsertKey?: readonly number[];
}

/** An aggregate call compiled for the stateful operators (the runtime's AggregateCall shape). */
export interface PlannedAggregate {
  readonly fn: AggregateName;
  readonly arg?: (row: unknown[]) => unknown;
  readonly argType?: LogicalType;
  readonly distinct?: boolean;
  readonly filter?: RowPredicateFn;
  readonly separator?: string;
  readonly ignoreNulls?: boolean;
  readonly onNull?: 'NULL' | 'ABSENT';
  readonly lag?: { readonly offset: number; readonly withDefault: boolean };
  readonly timeZone?: string;
}

/** Where a window Top-N / deduplication finds a row's window: its window columns, or a TVF it applies itself. */
export type WindowingSpec =
  | { readonly kind: 'columns'; readonly start: (row: unknown[]) => number; readonly end: (row: unknown[]) => number }
  | { readonly kind: 'tvf'; readonly window: BoundWindow; readonly rowtime: (row: unknown[]) => number };

/** Extracts a key tuple from a row. */
export type KeyFn = (row: unknown[]) => unknown[];

/** A scan's watermark strategy: SOURCE_WATERMARK() (histogram) or bounded out-of-orderness. */
export interface ScanWatermarkSpec {
  /** The rowtime of a scan row (epoch millis; NaN when NULL); absent = the record timestamp. */
  readonly rowtime?: (row: unknown[]) => number;
  readonly strategy: { readonly kind: 'source' } | { readonly kind: 'bounded'; readonly delayMs: number };
  /** `WATERMARK FOR col AS expr`, for EXPLAIN. */
  readonly text: string;
}

/** A physical node producing changes. */
export type PhysicalNode =
  | NodeBase & {
    readonly kind: 'scan'; readonly table: CatalogTable; readonly columns: readonly ScanColumn[];
    readonly startup: StartupSpec; readonly bounded: BoundedSpec; readonly errorHandling: 'fail' | 'ignore';
    /** Cut-over evolution: output is suppressed until the scan has read up to these offsets. */
    readonly cutOver?: readonly { readonly partition: number; readonly offset: number }[];
    readonly watermark?: ScanWatermarkSpec;
    /** `streamform.source.max-poll-records`: records per source poll (emulator knob for deterministic tests). */
    readonly maxPollRecords?: number;
    /** `sql.tables.scan.idle-timeout` in ms (0 disables idleness); absent = progressive detection. */
    readonly idleTimeoutMs?: number;
  }
  | NodeBase & { readonly kind: 'values'; readonly rows: readonly (readonly unknown[])[] }
  | NodeBase & { readonly kind: 'calc'; readonly input: PhysicalNode; readonly project?: RowFn; readonly filter?: RowPredicateFn; readonly projection: readonly string[]; readonly where?: string }
  | NodeBase & { readonly kind: 'union'; readonly inputs: readonly PhysicalNode[] }
  | NodeBase & { readonly kind: 'limit'; readonly input: PhysicalNode; readonly limit: number; readonly offset: number }
  /** A bare window TVF (TUMBLE/HOP/CUMULATE): each row once per window, with window_start, window_end, window_time appended. */
  | NodeBase & {
    readonly kind: 'window-tvf'; readonly input: PhysicalNode; readonly window: BoundWindow; readonly rowtime: (row: unknown[]) => number;
    /** SESSION … PARTITION BY: the key sessions are kept per. */
    readonly partitionKey?: (row: unknown[]) => unknown[];
  }
  /** Window Top-N (PARTITION BY window_start, window_end, …): emitted when the watermark passes window_time. */
  | NodeBase & {
    readonly kind: 'window-rank'; readonly input: PhysicalNode; readonly windowing: WindowingSpec; readonly partitionKey?: KeyFn;
    readonly order: (a: unknown[], b: unknown[]) => number; readonly fn: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK'; readonly rankStart: number;
    readonly rankEnd: number; readonly outputRank: boolean; readonly partitionText: readonly string[]; readonly orderText: readonly string[];
  }
  /** Window deduplication: the first/last row per key and window by rowtime. */
  | NodeBase & {
    readonly kind: 'window-deduplicate'; readonly input: PhysicalNode; readonly windowing: WindowingSpec; readonly key?: KeyFn;
    readonly keep: 'first' | 'last'; readonly rowtime: (row: unknown[]) => number; readonly partitionText: readonly string[];
  }
  /** After an upsert source: +U/-D by primary key → a full changelog (+I, -U/+U, -D with the old row). */
  | NodeBase & { readonly kind: 'normalize'; readonly input: PhysicalNode; readonly key: KeyFn; readonly keyText: readonly string[] }
  | NodeBase & {
    readonly kind: 'group-aggregate'; readonly input: PhysicalNode; readonly key?: KeyFn;
    readonly groupingSets?: readonly { readonly key: KeyFn; readonly groupingId: number }[];
    readonly aggregates: readonly PlannedAggregate[]; readonly having?: RowPredicateFn; readonly stateTtlMs?: number;
    /** Fold each input batch per key before emitting (see miniBatchOf in plan-stateful.ts); off = one change per input row. */
    readonly miniBatch: boolean;
    readonly groupText: readonly string[]; readonly aggText: readonly string[];
  }
  | NodeBase & {
    readonly kind: 'window-aggregate'; readonly input: PhysicalNode; readonly window: BoundWindow; readonly rowtime: (row: unknown[]) => number;
    /** Windows over a processing-time attribute: fired by the job's processing-time clock, not the watermark. */
    readonly proctime?: true;
    readonly key?: KeyFn; readonly aggregates: readonly PlannedAggregate[]; readonly groupText: readonly string[]; readonly aggText: readonly string[];
  }
  | NodeBase & {
    readonly kind: 'rank'; readonly input: PhysicalNode; readonly partitionKey?: KeyFn; readonly order: (a: unknown[], b: unknown[]) => number;
    readonly fn: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK'; readonly rankStart: number; readonly rankEnd: number; readonly outputRank: boolean;
    readonly insertOnly: boolean; readonly partitionText: readonly string[]; readonly orderText: readonly string[];
  }
  | NodeBase & {
    readonly kind: 'deduplicate'; readonly input: PhysicalNode; readonly key: KeyFn; readonly keep: 'first' | 'last';
    readonly order: 'rowtime' | 'proctime'; readonly rowtime?: (row: unknown[]) => number; readonly outputRank: boolean; readonly stateTtlMs?: number;
    readonly partitionText: readonly string[];
  }
  | NodeBase & {
    readonly kind: 'over'; readonly input: PhysicalNode; readonly partitionKey?: KeyFn; readonly rowtime: (row: unknown[]) => number;
    readonly frame: BoundOverFrame; readonly aggregates: readonly PlannedAggregate[]; readonly partitionText: readonly string[]; readonly aggText: readonly string[];
    /** A temporal sort (ORDER BY rowtime, … without LIMIT): ties of one rowtime in this order; `sortText` for EXPLAIN. */
    readonly tieOrder?: (a: unknown[], b: unknown[]) => number; readonly sortText?: readonly string[];
    /** ORDER BY a processing-time attribute: rows are processed as the job's clock passes them. */
    readonly proctime?: true;
  }
  /** MATCH_RECOGNIZE (plan-match-recognize.ts): the runtime's MatchRecognizeSpec, compiled. */
  | NodeBase & { readonly kind: 'match-recognize'; readonly input: PhysicalNode; readonly spec: PlannedMatchSpec; readonly text: readonly string[] }
  /** UNNEST joined to its input row: each row once per element, element columns (and ordinality) appended. */
  | NodeBase & {
    readonly kind: 'unnest'; readonly input: PhysicalNode; readonly collection: (row: unknown[]) => unknown; readonly collectionType: 'ARRAY' | 'MAP' | 'MULTISET';
    readonly rowFields?: number; readonly withOrdinality: boolean; readonly outer: boolean; readonly collectionText: string;
  }
  /** A two-input join (plan-join.ts): input 0 the left side, input 1 the right; output `[...left, ...right]`. */
  | NodeBase & {
    readonly kind: 'join'; readonly left: PhysicalNode; readonly right: PhysicalNode; readonly joinType: BoundJoinType;
    readonly strategy: PlannedJoinStrategy;
    /** Equi-join key of a row of each side; `null` when a key column is NULL (never matches). */
    readonly leftKey: (row: unknown[]) => unknown; readonly rightKey: (row: unknown[]) => unknown;
    /** How many equality conditions form the key (0: a cross or theta join, every row under one key). */
    readonly keyColumns: number;
    readonly residual?: (left: unknown[], right: unknown[]) => boolean | null;
    readonly conditionText: string;
    /** NOT IN's null-aware ANTI join (runtime RegularJoinSpec.nullAware). */
    readonly nullAware?: boolean;
  };

/** How a planned join runs; rowtimes as epoch millis (`null` for NULL). */
export type PlannedJoinStrategy =
  | {
    readonly kind: 'regular';
    /** Unique keys of updating inputs (their upsert keys), so state holds one row per key. */
    readonly leftUnique?: (row: unknown[]) => unknown; readonly rightUnique?: (row: unknown[]) => unknown;
    /** State retention per input (STATE_TTL hint, else `sql.state-ttl`). */
    readonly leftTtlMs?: number; readonly rightTtlMs?: number;
  }
  | {
    readonly kind: 'interval'; readonly leftTime: (row: unknown[]) => number | null; readonly rightTime: (row: unknown[]) => number | null;
    readonly lower: number; readonly upper: number;
    /** Over processing-time attributes: state expires as the job's clock passes (not the watermark). */
    readonly proctime?: true;
  }
  | { readonly kind: 'temporal'; readonly leftTime: (row: unknown[]) => number | null; readonly rightTime: (row: unknown[]) => number | null; readonly proctime?: true }
  | {
    readonly kind: 'window'; readonly leftStart: (row: unknown[]) => number | null; readonly leftEnd: (row: unknown[]) => number | null;
    readonly rightStart: (row: unknown[]) => number | null; readonly rightEnd: (row: unknown[]) => number | null;
  };

/** A terminal node. */
export type PhysicalSink =
  | {
    readonly kind: 'topic-sink'; readonly id: string; readonly input: PhysicalNode; readonly table: CatalogTable; readonly columns: readonly ScanColumn[];
    /** A SinkUpsertMaterializer in front of the sink (sink-materialize.ts). */
    readonly materialize?: SinkMaterialize;
  }
  | { readonly kind: 'results-sink'; readonly id: string; readonly input: PhysicalNode; readonly fields: readonly BoundField[] }
  | { readonly kind: 'blackhole-sink'; readonly id: string; readonly input: PhysicalNode };

/** The SinkUpsertMaterializer of a topic sink: the sink's primary key and the input's upsert key of a row. */
export interface SinkMaterialize {
  readonly sinkKey: (row: unknown[]) => unknown;
  readonly inputKey?: (row: unknown[]) => unknown;
  /** The primary key's column names, for EXPLAIN. */
  readonly keyText: readonly string[];
  /** State retention after a sink key's last write (`sql.state-ttl`). */
  readonly stateTtlMs?: number;
}

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
  /** SELECT: the result columns that form the upsert key of an updating result (`traits.upsert_columns`). */
  readonly upsertColumns?: readonly number[];
}

/** Statement-level settings that shape scans (`spec.properties`). */
export interface PlanOptions {
  /** `spec.properties`: `sql.tables.scan.*` overrides are read from here. */
  readonly properties?: Readonly<Record<string, string>>;
  /** File name used in diagnostic ranges. */
  readonly file?: string;
}

/** The rows of a (partial) match as the runtime's match context offers them (structurally its MatchRows). */
export interface PlannedMatchRows {
  rows(variable?: string): readonly unknown[][];
  first(variable?: string, offset?: number): unknown[] | null;
  last(variable?: string, offset?: number): unknown[] | null;
  count(variable?: string): number;
}

/** A compiled MATCH_RECOGNIZE clause, shaped like the runtime's MatchRecognizeSpec. */
export interface PlannedMatchSpec {
  readonly partition: (row: unknown[]) => readonly unknown[];
  readonly time: (row: unknown[]) => number | null;
  readonly order?: (a: unknown[], b: unknown[]) => number;
  readonly pattern: BoundPattern;
  readonly define: Readonly<Record<string, (ctx: PlannedMatchRows & { readonly row: unknown[]; prev(offset?: number, variable?: string): unknown[] | null }) => boolean | null>>;
  readonly measures: (match: PlannedMatchRows & { readonly matchNumber: number; classifier(index?: number): string }) => unknown[];
  readonly skip: BoundSkip;
  readonly withinMs?: number;
  readonly maxPrevOffset?: number;
}
