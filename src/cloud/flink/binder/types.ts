/**
 * The binder's output: a typed, resolved logical tree. Every expression carries its LogicalType and
 * (for calls) the compiled function from flink/expr; every relation carries its output fields.
 * Plain immutable data; the planner turns it into a physical plan with changelog modes.
 */
import type { Range } from '../sql/index.js';
import type { BoundFunction } from '../expr/index.js';
import type { CatalogTable, CatalogView, SessionPath, TableSpec } from '../catalog/index.js';
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

/** The aggregate functions the binder recognises (confluent-flink.md §10). */
export type AggregateName =
  | 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX' | 'FIRST_VALUE' | 'LAST_VALUE' | 'LISTAGG' | 'COLLECT'
  | 'ARRAY_AGG' | 'STDDEV_POP' | 'STDDEV_SAMP' | 'VAR_POP' | 'VAR_SAMP' | 'VARIANCE'
  | 'JSON_ARRAYAGG' | 'JSON_OBJECTAGG' | 'LAG';

/** One aggregate call over an input relation's row; `arg` absent for COUNT(*). */
export interface BoundAggregate {
  readonly fn: AggregateName;
  readonly arg?: BoundExpr;
  /** The type the accumulator sees when it differs from `arg`'s (JSON_OBJECTAGG: the value's type). */
  readonly argType?: LogicalType;
  readonly distinct: boolean;
  /** `FILTER (WHERE …)` over the input row. */
  readonly filter?: BoundExpr;
  /** LISTAGG's separator. */
  readonly separator?: string;
  /** ARRAY_AGG … IGNORE NULLS. */
  readonly ignoreNulls?: boolean;
  /** LAG(x, offset, default) over an OVER window (bind-over-functions.ts). */
  readonly lag?: { readonly offset: number; readonly withDefault: boolean };
  /** JSON_ARRAYAGG / JSON_OBJECTAGG `NULL ON NULL` / `ABSENT ON NULL`. */
  readonly onNull?: 'NULL' | 'ABSENT';
  readonly type: LogicalType;
  /** SQL text for EXPLAIN. */
  readonly text: string;
}

/** A window TVF's shape; sizes in milliseconds (windows aligned to epoch). */
export type BoundWindow =
  | { readonly kind: 'tumble'; readonly size: number; readonly offset?: number }
  | { readonly kind: 'hop'; readonly slide: number; readonly size: number; readonly offset?: number }
  | { readonly kind: 'cumulate'; readonly step: number; readonly maxSize: number; readonly offset?: number }
  | { readonly kind: 'session'; readonly gap: number };

/** How a scan's rowtime and watermarks come about (the table's WATERMARK clause). */
export interface ScanWatermark {
  /** The rowtime over the scan row (`$rowtime` or the declared column). */
  readonly rowtime: BoundExpr;
  /** SOURCE_WATERMARK() (histogram), ascending (`col`), or bounded out-of-orderness (`col - INTERVAL`). */
  readonly strategy: { readonly kind: 'source' } | { readonly kind: 'bounded'; readonly delayMs: number };
  /** The rowtime column's name and expression text, for EXPLAIN. */
  readonly column: string;
  readonly expr: string;
}

/** One ORDER BY key of a rank. */
export interface BoundOrderKey {
  readonly expr: BoundExpr;
  readonly descending: boolean;
  readonly nullsFirst: boolean;
}

/** The frame of an OVER aggregate; `preceding` in rows or milliseconds, Infinity for UNBOUNDED. */
export interface BoundOverFrame {
  readonly kind: 'rows' | 'range';
  readonly preceding: number;
}

/** A logical relation. */
export type LogicalRel =
  | {
    readonly kind: 'scan'; readonly table: CatalogTable; readonly columns: readonly ScanColumn[];
    /** `/*+ OPTIONS(...) *\/` hint options on this table reference. */
    readonly hintOptions: Readonly<Record<string, string>>;
    readonly watermark?: ScanWatermark;
    readonly fields: readonly BoundField[];
  }
  /**
   * GROUP BY (or a global aggregation, or SELECT DISTINCT): output `[...keys, groupingId?, ...aggregates]`;
   * `groupingSets` lists, per set, the key positions it groups by. HAVING is over the output row.
   */
  | {
    readonly kind: 'aggregate'; readonly input: LogicalRel; readonly keys: readonly BoundExpr[]; readonly aggregates: readonly BoundAggregate[];
    readonly groupingSets?: readonly (readonly number[])[]; readonly having?: BoundExpr; readonly stateTtlMs?: number; readonly fields: readonly BoundField[];
  }
  /** A window TVF in FROM: the input's fields plus window_start, window_end, window_time. */
  | {
    readonly kind: 'window-tvf'; readonly input: LogicalRel; readonly window: BoundWindow; readonly timeIndex: number;
    readonly partitionKeys: readonly BoundExpr[]; readonly fields: readonly BoundField[];
  }
  /** GROUP BY window_start, window_end (+ keys) over a window TVF: `[...keys, ...aggregates, window_start, window_end, window_time]`. */
  | {
    readonly kind: 'window-aggregate'; readonly input: LogicalRel; readonly window: BoundWindow; readonly timeIndex: number;
    readonly keys: readonly BoundExpr[]; readonly aggregates: readonly BoundAggregate[]; readonly fields: readonly BoundField[];
  }
  /** ROW_NUMBER/RANK/DENSE_RANK filtered to ranks start..end (end = Infinity until the outer filter is seen): input fields + rank. */
  | {
    readonly kind: 'rank'; readonly input: LogicalRel; readonly fn: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK'; readonly partitionKeys: readonly BoundExpr[];
    readonly order: readonly BoundOrderKey[]; readonly rankStart: number; readonly rankEnd: number; readonly outputRank: boolean;
    readonly stateTtlMs?: number; readonly fields: readonly BoundField[]; readonly range: Range;
  }
  /**
   * OVER aggregates ordered by a rowtime: input fields + one column per aggregate. With `sortKeys`
   * it is a temporal sort (ORDER BY rowtime, keys… without LIMIT; no aggregates): rows of one
   * rowtime are released ordered by those keys.
   */
  | {
    readonly kind: 'over'; readonly input: LogicalRel; readonly partitionKeys: readonly BoundExpr[]; readonly timeIndex: number;
    readonly frame: BoundOverFrame; readonly aggregates: readonly BoundAggregate[]; readonly fields: readonly BoundField[];
    readonly sortKeys?: readonly BoundOrderKey[];
  }
  | { readonly kind: 'values'; readonly rows: readonly (readonly BoundExpr[])[]; readonly fields: readonly BoundField[] }
  | { readonly kind: 'calc'; readonly input: LogicalRel; readonly project: readonly BoundExpr[]; readonly filter?: BoundExpr; readonly fields: readonly BoundField[] }
  | { readonly kind: 'union'; readonly inputs: readonly LogicalRel[]; readonly fields: readonly BoundField[] }
  | { readonly kind: 'limit'; readonly input: LogicalRel; readonly limit: number; readonly offset: number; readonly fields: readonly BoundField[]; readonly range: Range }
  /**
   * MATCH_RECOGNIZE, ONE ROW PER MATCH (bind-match-recognize.ts): `[...partition keys, ...measures]`.
   * Ordered by the input's rowtime column `timeIndex`, then `order`.
   */
  | {
    readonly kind: 'match-recognize'; readonly input: LogicalRel; readonly partitionKeys: readonly BoundExpr[]; readonly timeIndex: number;
    readonly order: readonly BoundOrderKey[]; readonly pattern: BoundPattern; readonly define: Readonly<Record<string, BoundMatchExpr>>;
    readonly measures: readonly BoundMatchExpr[]; readonly skip: BoundSkip; readonly withinMs?: number; readonly maxPrevOffset: number;
    readonly fields: readonly BoundField[]; readonly range: Range;
  }
  /**
   * UNNEST joined to its input row (bind-unnest.ts): output `[...input, ...element columns, ordinality?]`;
   * `rowFields` when an ARRAY<ROW> element spreads into that many columns.
   */
  | {
    readonly kind: 'unnest'; readonly input: LogicalRel; readonly collection: BoundExpr; readonly collectionType: 'ARRAY' | 'MAP' | 'MULTISET';
    readonly rowFields?: number; readonly withOrdinality: boolean; readonly outer: boolean; readonly fields: readonly BoundField[];
  }
  /**
   * A join (bind-join.ts): output `[...left, ...right]`. `conjuncts` is the whole condition over that
   * row; it splits into equi-key pairs (`leftKeys[i]` over the left row = `rightKeys[i]` over the
   * right row, cast to a common type), the time bounds of the strategy, and the `residual` rest.
   */
  | {
    readonly kind: 'join'; readonly joinType: BoundJoinType; readonly strategy: BoundJoinStrategy; readonly left: LogicalRel; readonly right: LogicalRel;
    readonly conjuncts: readonly BoundExpr[]; readonly leftKeys: readonly BoundExpr[]; readonly rightKeys: readonly BoundExpr[];
    readonly residual: readonly BoundExpr[]; readonly fields: readonly BoundField[]; readonly range: Range;
    /** `STATE_TTL('alias' = '1d', …)` per side, in milliseconds (regular joins). */
    readonly stateTtl?: { readonly left?: number; readonly right?: number };
    /** ANTI from NOT IN: a NULL key on either side makes the comparison unknown (runtime `nullAware`). */
    readonly nullAware?: boolean;
  };

/** A MATCH_RECOGNIZE row pattern (the runtime's PatternNode shape). */
export type BoundPattern =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'concat'; readonly items: readonly BoundPattern[] }
  | { readonly kind: 'alt'; readonly options: readonly BoundPattern[] }
  | { readonly kind: 'quantified'; readonly node: BoundPattern; readonly min: number; readonly max: number | null; readonly reluctant: boolean };

/** AFTER MATCH SKIP … */
export type BoundSkip =
  | { readonly kind: 'past-last-row' } | { readonly kind: 'to-next-row' }
  | { readonly kind: 'to-first'; readonly variable: string } | { readonly kind: 'to-last'; readonly variable: string };

/**
 * One value a DEFINE / MEASURES expression reads from the match: a column of a row found by
 * navigation (`A.x` = LAST(A.x, 0); unqualified = the current / last row; PREV, FIRST, LAST), an
 * aggregate over a variable's rows, MATCH_NUMBER() or CLASSIFIER(). `variable` absent = all rows.
 */
export type MatchSlot =
  | { readonly kind: 'column'; readonly nav: 'current' | 'last' | 'first' | 'prev'; readonly variable?: string; readonly offset: number; readonly column: number }
  | {
    readonly kind: 'aggregate'; readonly fn: 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX'; readonly variable?: string; readonly column?: number;
    /** An aggregate over an expression of one variable's columns (`AVG(A.price * A.qty)`): over the input row. */
    readonly arg?: BoundExpr; readonly argText?: string; readonly type: LogicalType;
  }
  | { readonly kind: 'match-number' }
  | { readonly kind: 'classifier' };

/** A DEFINE / MEASURES expression: `expr` is over the row of its slots' values. */
export interface BoundMatchExpr {
  readonly slots: readonly MatchSlot[];
  readonly expr: BoundExpr;
  /** SQL text for EXPLAIN. */
  readonly text: string;
}

/**
 * The outer-ness of a join (comma and CROSS joins are INNER). SEMI / ANTI come from IN / EXISTS /
 * NOT IN / NOT EXISTS subqueries (bind-subquery.ts): their output is the left row only.
 */
export type BoundJoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'SEMI' | 'ANTI';

/**
 * How a join runs: regular (unbounded state, time attributes dropped), interval (the two rowtimes
 * bounded: `lower <= left.time - right.time <= upper`, millis), event-time temporal (the right side
 * is a versioned table read `FOR SYSTEM_TIME AS OF leftTime`), window (pairs within equal windows).
 * Times are column indexes of their side.
 */
export type BoundJoinStrategy =
  | { readonly kind: 'regular' }
  | { readonly kind: 'interval'; readonly leftTime: number; readonly rightTime: number; readonly lower: number; readonly upper: number }
  /** `proctime`: FOR SYSTEM_TIME AS OF a processing-time attribute (joins the table's current rows; rightTime −1). */
  | { readonly kind: 'temporal'; readonly leftTime: number; readonly rightTime: number; readonly proctime?: true }
  /** Both sides window TVFs joined on window_start and window_end (the columns' indexes per side). */
  | { readonly kind: 'window'; readonly leftStart: number; readonly leftEnd: number; readonly rightStart: number; readonly rightEnd: number };

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
  /** The view at a path, if any; the binder expands it in place of a table (bind-view.ts). */
  resolveView?(path: readonly string[], session: SessionPath): CatalogView | undefined;
}

/** A source range in the AST, re-exported for binder callers. */
export type { Range };
