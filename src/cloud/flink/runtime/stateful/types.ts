/**
 * What a planner hands to the stateful operators: compiled closures and plain options, never the
 * SQL AST. Rows, row kinds and predicates are the runtime's (../types.ts).
 */
import type { LogicalType } from '../../types/index.js';
import type { Row, RowPredicate } from '../types.js';

/** The aggregate functions of confluent-flink.md §10 that fold a group into one value. */
export type AggregateFunctionName =
  | 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX' | 'FIRST_VALUE' | 'LAST_VALUE' | 'LISTAGG' | 'COLLECT'
  | 'ARRAY_AGG' | 'STDDEV_POP' | 'STDDEV_SAMP' | 'VAR_POP' | 'VAR_SAMP' | 'VARIANCE'
  | 'JSON_ARRAYAGG' | 'JSON_OBJECTAGG' | 'LAG';

/** One aggregate call of a query, compiled. */
export interface AggregateCall {
  readonly fn: AggregateFunctionName;
  /**
   * The argument's value for a row; absent for COUNT(*). JSON_OBJECTAGG's returns `[key, value]`;
   * LISTAGG's returns the string (the separator is `separator`).
   */
  readonly arg?: (row: Row) => unknown;
  /** The argument's type (JSON_OBJECTAGG: the value's type); absent for COUNT(*). */
  readonly argType?: LogicalType;
  /** `fn(DISTINCT x)`. */
  readonly distinct?: boolean;
  /** `FILTER (WHERE …)`: only rows for which it is `true` reach the accumulator. */
  readonly filter?: RowPredicate;
  /** LISTAGG separator; default ','. */
  readonly separator?: string;
  /** ARRAY_AGG … IGNORE NULLS (default RESPECT NULLS). */
  readonly ignoreNulls?: boolean;
  /** JSON_ARRAYAGG (default ABSENT ON NULL) / JSON_OBJECTAGG (default NULL ON NULL). */
  readonly onNull?: 'NULL' | 'ABSENT';
  /** LAG(x, offset[, default]) in an OVER window; `withDefault`: `arg` gives `[x, default]`. */
  readonly lag?: { readonly offset: number; readonly withDefault: boolean };
  /** Session time zone for rendering timestamps as JSON; default 'UTC'. */
  readonly timeZone?: string;
}

/** Extracts a tuple of values (grouping key, partition key) from a row. */
export type KeyExtractor = (row: Row) => unknown[];

/** Orders two rows (ORDER BY of a rank); ties compare 0. */
export type RowComparator = (a: Row, b: Row) => number;

/** One grouping of GROUPING SETS / ROLLUP / CUBE: the full key with NULL for absent columns. */
export interface GroupingSet {
  /** Projects the full key tuple (absent grouping columns as NULL). */
  readonly key: KeyExtractor;
  /** The GROUPING id appended after the key (bit i set = key column i is not grouped). */
  readonly groupingId: number;
}

/** The four window TVFs (confluent-flink.md §10); sizes in milliseconds, windows aligned to epoch. */
export type WindowSpec =
  | { readonly kind: 'tumble'; readonly size: number; readonly offset?: number }
  | { readonly kind: 'hop'; readonly slide: number; readonly size: number; readonly offset?: number }
  | { readonly kind: 'cumulate'; readonly step: number; readonly maxSize: number; readonly offset?: number }
  | { readonly kind: 'session'; readonly gap: number };

/** A window as [start, end) in epoch millis. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** The ranking function of a Top-N. */
export type RankFunction = 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
