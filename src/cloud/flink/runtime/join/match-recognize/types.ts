/**
 * What a planner hands to MATCH_RECOGNIZE: the pattern as plain data, DEFINE conditions and
 * MEASURES as compiled closures over a match context, and plain options. Never the SQL AST.
 */
import type { Row } from '../../types.js';

/** A row pattern (PATTERN clause). */
export type PatternNode =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'concat'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly options: readonly PatternNode[] }
  /** `*` {0,null}, `+` {1,null}, `?` {0,1}, `{n}`, `{n,}`, `{n,m}`; `reluctant` for the `?`-suffixed forms. */
  | { readonly kind: 'quantified'; readonly node: PatternNode; readonly min: number; readonly max: number | null; readonly reluctant: boolean };

/** AFTER MATCH SKIP … */
export type SkipStrategy =
  | { readonly kind: 'past-last-row' }
  | { readonly kind: 'to-next-row' }
  | { readonly kind: 'to-first'; readonly variable: string }
  | { readonly kind: 'to-last'; readonly variable: string };

/**
 * The rows of a (partial) match, as DEFINE and MEASURES see them. Running semantics: while a DEFINE
 * condition of variable X is evaluated, the current row is already mapped to X.
 */
export interface MatchRows {
  /** Rows mapped to `variable` (every row of the match when absent), in order. */
  rows(variable?: string): readonly Row[];
  /** FIRST(var.x, n): the n-th (0-based) row mapped to `variable` from the start, or null. */
  first(variable?: string, offset?: number): Row | null;
  /** LAST(var.x, n): the n-th (0-based) row mapped to `variable` from the end, or null. */
  last(variable?: string, offset?: number): Row | null;
  /** COUNT(var.*): rows mapped to `variable` (all rows when absent). */
  count(variable?: string): number;
}

/** What a DEFINE condition sees. */
export interface DefineContext extends MatchRows {
  /** The row being classified. */
  readonly row: Row;
  /**
   * PREV(var.x, n): the row `offset` (default 1) rows before the last row mapped to `variable`
   * (the current row when absent) in the partition's order — possibly before the match start, up to
   * `maxPrevOffset` rows. NEXT is not available (Flink does not support it either).
   */
  prev(offset?: number, variable?: string): Row | null;
}

/** A DEFINE condition (three-valued: only `true` maps the row). */
export type DefineCondition = (ctx: DefineContext) => boolean | null;

/** What MEASURES see: the final match. */
export interface MatchView extends MatchRows {
  /** MATCH_NUMBER(): 1, 2, … per partition. */
  readonly matchNumber: number;
  /** CLASSIFIER() of the last row (ONE ROW PER MATCH), or of the row at `index` of the match. */
  classifier(index?: number): string;
}

/** A MATCH_RECOGNIZE clause, compiled. */
export interface MatchRecognizeSpec {
  /** PARTITION BY values (output first); empty array for no partitioning. */
  readonly partition: (row: Row) => readonly unknown[];
  /** ORDER BY time attribute (epoch millis). */
  readonly time: (row: Row) => number | null;
  /** Secondary ORDER BY columns, for rows with equal times; arrival order otherwise. */
  readonly order?: (a: Row, b: Row) => number;
  readonly pattern: PatternNode;
  /** DEFINE: a variable without a condition maps every row. */
  readonly define: Readonly<Record<string, DefineCondition>>;
  /** MEASURES: the measure values of a match (ONE ROW PER MATCH: output = partition values ++ measures). */
  readonly measures: (match: MatchView) => Row;
  readonly skip: SkipStrategy;
  /** WITHIN: a match must span less than this many millis (last row time - first row time). */
  readonly withinMs?: number;
  /** How far before a match PREV may reach (default 1). */
  readonly maxPrevOffset?: number;
  /**
   * ORDER BY a processing-time attribute: rows are matched in arrival order once the job's clock
   * has passed the time they were read at (not at watermarks), and WITHIN expires on that clock.
   */
  readonly proctime?: boolean;
}
