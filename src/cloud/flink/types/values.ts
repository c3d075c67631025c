/**
 * Runtime value representation: what one field of a row holds. Chosen for speed on the batch path
 * (no wrapper object per field) and exactness; the compiled closure always knows the static type,
 * so values are not self-describing.
 *
 * | SQL type                 | JS value                                                        |
 * | ------------------------ | --------------------------------------------------------------- |
 * | NULL (any type)          | `null`                                                          |
 * | BOOLEAN                  | `boolean`                                                       |
 * | TINYINT/SMALLINT/INT     | `number` (an int32 in range; arithmetic wraps like Java)        |
 * | BIGINT                   | `bigint`, always (never a number; wraps with BigInt.asIntN(64)) |
 * | FLOAT                    | `number` rounded with Math.fround                               |
 * | DOUBLE                   | `number`                                                        |
 * | DECIMAL(p, s)            | `bigint` unscaled value (1.50 in DECIMAL(5,2) is `150n`)        |
 * | CHAR/VARCHAR/STRING      | `string` (CHAR is not padded)                                   |
 * | BINARY/VARBINARY/BYTES   | `Uint8Array`                                                    |
 * | DATE                     | `number` days since 1970-01-01                                  |
 * | TIME(p)                  | `number` millis of day (Flink keeps TIME at millisecond)        |
 * | TIMESTAMP(p)             | `number` epoch millis of the wall-clock time, see below         |
 * | TIMESTAMP_LTZ(p)         | `number` epoch millis of the instant, see below                 |
 * | INTERVAL YEAR TO MONTH   | `number` months                                                 |
 * | INTERVAL DAY TO SECOND   | `number` millis                                                 |
 * | ARRAY<T>                 | `unknown[]` of element values                                   |
 * | MAP<K, V>                | `Map<K, V>` (keys by SameValueZero: fine for every type held as a primitive) |
 * | MULTISET<T>              | `Map<T, number>` element -> count                               |
 * | ROW<…>                   | `unknown[]` of field values                                     |
 *
 * BIGINT is a JS bigint everywhere (decision measured in expr/bench-functions.ts on Node 20:
 * raw `a + b` on numbers ~135-170 M ops/s, `BigInt.asIntN(64, a + b)` ~60-70 M ops/s, the compiled
 * BIGINT `+`, `*`, `/` closures ~95-100 M calls/s, `=`/`>` ~160-185 M calls/s, the same for values
 * near 2^63): V8 lowers asIntN(64) arithmetic to native int64, so exactness costs about 2x on the
 * raw operation and little at the call level, while a mixed "number when safe" representation
 * would put a type test on every operation and break Map keys (`1 !== 1n`). Map lookups with
 * bigint keys are ~3x slower than with numbers; hash operators that key on BIGINT may want
 * `compileRowKey`. DECIMAL as an unscaled bigint keeps grouping and hashing cheap.
 *
 * Timestamps: precision ≤ 3 (the fast path: `$rowtime`, TO_TIMESTAMP, CURRENT_TIMESTAMP) is an
 * integer number of millis. Precision 4..9 may carry microseconds as a fraction built only by
 * `makeTimestamp(millis, nanos)`, which gives one canonical double per (millis, micros); digits
 * beyond the microsecond are dropped (documented limitation).
 */

/** A DECIMAL runtime value: the unscaled bigint (scale from the type). */
export type DecimalValue = bigint;
/** An ARRAY or ROW runtime value. */
export type ArrayValue = unknown[];
/** A MAP runtime value. */
export type MapValue = Map<unknown, unknown>;
/** A MULTISET runtime value. */
export type MultisetValue = Map<unknown, number>;

/** Smallest and largest BIGINT. */
export const BIGINT_MIN = -9223372036854775808n;
export const BIGINT_MAX = 9223372036854775807n;

/** Wraps an int to TINYINT range like Java's (byte) cast. */
export function wrapTinyint(x: number): number { return (x << 24) >> 24; }
/** Wraps an int to SMALLINT range like Java's (short) cast. */
export function wrapSmallint(x: number): number { return (x << 16) >> 16; }
/** Wraps to INT range like Java int overflow. */
export function wrapInt(x: number): number { return x | 0; }
/** Wraps to BIGINT range like Java long overflow. */
export function wrapBigint(x: bigint): bigint { return BigInt.asIntN(64, x); }

/** Java's (long) conversion of a double: truncates, saturates, NaN -> 0. */
export function doubleToLong(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= 9223372036854775807) return BIGINT_MAX;
  if (x <= -9223372036854775808) return BIGINT_MIN;
  return BigInt(Math.trunc(x));
}
/** Java's (int) conversion of a double: truncates, saturates, NaN -> 0. */
export function doubleToInt(x: number): number {
  if (x !== x) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x) | 0;
}
