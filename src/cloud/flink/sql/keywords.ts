/**
 * Reserved words: words that cannot be used as unquoted identifiers because they start or continue
 * a clause (so `FROM t WHERE` does not read WHERE as an alias). Mirrors the reserved words of
 * Flink's Calcite-based grammar that matter for this dialect; everything else (KEY, VALUE, WATERMARK,
 * COMMENT, ...) stays usable as a plain name. The printer backquotes identifiers found here.
 */
import type { TimeUnit } from './ast.js';

export const RESERVED: ReadonlySet<string> = new Set([
  'ALL', 'ALTER', 'AND', 'ARRAY', 'AS', 'ASYMMETRIC', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CREATE', 'CROSS', 'CUBE',
  'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'DATE', 'DEFINE', 'DELETE', 'DESCRIBE',
  'DISTINCT', 'DROP', 'ELSE', 'END', 'ESCAPE', 'EXCEPT', 'EXECUTE', 'EXISTS', 'EXPLAIN', 'FALSE', 'FETCH', 'FILTER',
  'FOR', 'FROM', 'FULL', 'GROUP', 'GROUPING', 'HAVING', 'IN', 'INNER', 'INSERT', 'INTERSECT', 'INTERVAL', 'INTO', 'IS',
  'JOIN', 'LATERAL', 'LEFT', 'LIKE', 'LIMIT', 'LOCALTIME', 'LOCALTIMESTAMP', 'MAP', 'MATCH_RECOGNIZE', 'MEASURES',
  'MINUS', 'MULTISET', 'NATURAL', 'NOT', 'NULL', 'OFFSET', 'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'PARTITION',
  'PATTERN', 'RANGE', 'RESET', 'RIGHT', 'ROLLUP', 'ROW', 'ROWS', 'SELECT', 'SET', 'SIMILAR', 'SYMMETRIC', 'TABLE',
  'THEN', 'TIME', 'TIMESTAMP', 'TRUE', 'UNION', 'UNKNOWN', 'UNNEST', 'UPDATE', 'USING', 'VALUES', 'WHEN',
  'WHERE', 'WINDOW', 'WITH', 'WITHIN',
]);

/** Reserved words that may still name a function when followed by `(`. */
export const CALLABLE_RESERVED: ReadonlySet<string> = new Set(['LEFT', 'RIGHT', 'INSERT', 'GROUPING']);

/** Functions written without parentheses. */
export const NILADIC: ReadonlySet<string> = new Set(['CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP',
  'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_ROW_TIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'USER', 'CURRENT_CATALOG', 'CURRENT_DATABASE']);

const UNITS: Readonly<Record<string, TimeUnit>> = {
  YEAR: 'YEAR', YEARS: 'YEAR', QUARTER: 'QUARTER', QUARTERS: 'QUARTER', MONTH: 'MONTH', MONTHS: 'MONTH',
  WEEK: 'WEEK', WEEKS: 'WEEK', DAY: 'DAY', DAYS: 'DAY', HOUR: 'HOUR', HOURS: 'HOUR', MINUTE: 'MINUTE',
  MINUTES: 'MINUTE', SECOND: 'SECOND', SECONDS: 'SECOND', MILLISECOND: 'MILLISECOND', MILLISECONDS: 'MILLISECOND',
  MICROSECOND: 'MICROSECOND', MICROSECONDS: 'MICROSECOND', NANOSECOND: 'NANOSECOND', NANOSECONDS: 'NANOSECOND',
  DOW: 'DOW', DOY: 'DOY', ISODOW: 'ISODOW', ISOYEAR: 'ISOYEAR', EPOCH: 'EPOCH', DECADE: 'DECADE',
  CENTURY: 'CENTURY', MILLENNIUM: 'MILLENNIUM',
};

/** The time unit a word names (plural spellings included), if any. */
export function timeUnitOf(word: string): TimeUnit | undefined {
  return Object.hasOwn(UNITS, word) ? UNITS[word] : undefined;
}
