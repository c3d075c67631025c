/**
 * What a planner hands to the join and pattern operators: compiled closures and plain options,
 * never the SQL AST. Rows and row kinds are the runtime's (../types.ts).
 */
import type { Clock } from '../../../../shared/index.js';
import type { Row } from '../types.js';

/** Join kinds of the regular join: the four equi-joins plus semi (IN/EXISTS) and anti (NOT IN/NOT EXISTS). */
export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'SEMI' | 'ANTI';

/** Join kinds of the time-bounded joins (interval, window). */
export type OuterJoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/**
 * Extracts a join key from a row: a value usable as a Map key (e.g. from `compileRowKey`).
 * Returns `null` when any (non null-safe) key column is NULL: such a row never matches.
 */
export type JoinKeyFn = (row: Row) => unknown;

/** The non-equi part of a join condition, SQL three-valued: only `true` matches. */
export type JoinCondition = (left: Row, right: Row) => boolean | null;

/** Reads an event time (epoch millis) from a row; `null` for a NULL time. */
export type RowTimeFn = (row: Row) => number | null;

/** One input of a regular join. */
export interface JoinSideSpec {
  /** The equi-join key. */
  readonly key: JoinKeyFn;
  /** Number of columns (for null padding). */
  readonly arity: number;
  /**
   * The input's unique key (e.g. the PK of an upsert table): state then holds one row per unique
   * key, a +I/+U for a present key replaces the held row (its retraction is derived), and a -D
   * retracts the held row whatever the incoming row's other columns are (upsert tombstones).
   */
  readonly uniqueKey?: JoinKeyFn;
  /** State retention of this input in processing-time millis (the STATE_TTL hint); absent = forever. */
  readonly ttlMs?: number;
}

/** A regular (unbounded) join. */
export interface RegularJoinSpec {
  readonly kind: JoinKind;
  readonly left: JoinSideSpec;
  readonly right: JoinSideSpec;
  /** Non-equi residual condition; absent = true. */
  readonly residual?: JoinCondition;
  /**
   * NOT IN semantics for ANTI (`l.k NOT IN (SELECT r.k …)`): a NULL on either side makes the
   * comparison unknown, so a right row with a NULL key matches (removes) every left row, and a
   * left row with a NULL key is removed by any right row. An empty right side keeps every row.
   */
  readonly nullAware?: boolean;
  /** Processing-time clock for state TTL; defaults to the system clock. */
  readonly clock?: Clock;
}

/** An interval join: `left.time - right.time` must lie in `[lower, upper]` (inclusive, millis). */
export interface IntervalJoinSpec {
  readonly kind: OuterJoinKind;
  readonly left: { readonly key: JoinKeyFn; readonly arity: number; readonly time: RowTimeFn };
  readonly right: { readonly key: JoinKeyFn; readonly arity: number; readonly time: RowTimeFn };
  /** Smallest allowed `left.time - right.time`; a strict `>` bound is `bound + 1`. */
  readonly lower: number;
  /** Largest allowed `left.time - right.time`; a strict `<` bound is `bound - 1`. */
  readonly upper: number;
  readonly residual?: JoinCondition;
}

/** An event-time temporal join `probe JOIN versioned FOR SYSTEM_TIME AS OF probe.time`. */
export interface TemporalJoinSpec {
  readonly kind: 'INNER' | 'LEFT';
  /** Probe input (0): join key, arity and its time attribute. */
  readonly left: { readonly key: JoinKeyFn; readonly arity: number; readonly time: RowTimeFn };
  /** Versioned table input (1): the key is its primary key; `time` its version time. */
  readonly right: { readonly key: JoinKeyFn; readonly arity: number; readonly time: RowTimeFn };
  readonly residual?: JoinCondition;
}

/** A processing-time temporal join / lookup join: probes see the latest version at arrival. */
export interface LookupJoinSpec {
  readonly kind: 'INNER' | 'LEFT';
  readonly left: { readonly key: JoinKeyFn; readonly arity: number };
  readonly right: { readonly key: JoinKeyFn; readonly arity: number };
  readonly residual?: JoinCondition;
}

/** A window join: both inputs carry window bounds; rows join within the same window and key. */
export interface WindowJoinSpec {
  readonly kind: OuterJoinKind;
  readonly left: { readonly key: JoinKeyFn; readonly arity: number; readonly windowStart: RowTimeFn; readonly windowEnd: RowTimeFn };
  readonly right: { readonly key: JoinKeyFn; readonly arity: number; readonly windowStart: RowTimeFn; readonly windowEnd: RowTimeFn };
  readonly residual?: JoinCondition;
}

/** What UNNEST expands. */
export type UnnestCollection = 'ARRAY' | 'MAP' | 'MULTISET';

/** CROSS JOIN UNNEST / LEFT JOIN LATERAL … ON TRUE. */
export interface UnnestSpec {
  /** The collection value of a row (NULL = empty). */
  readonly collection: (row: Row) => unknown;
  readonly type: UnnestCollection;
  /** ARRAY<ROW<…>>: spread the element's fields as columns (`fieldCount` of them). */
  readonly rowFields?: number;
  /** WITH ORDINALITY: append the 1-based position. */
  readonly withOrdinality?: boolean;
  /** LEFT JOIN LATERAL: an empty/NULL collection still yields the row padded with NULLs. */
  readonly outer?: boolean;
}
