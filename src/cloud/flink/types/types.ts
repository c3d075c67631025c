/**
 * Flink logical types as kind-tagged plain data. Every type carries `nullable`; composite types
 * nest. The names follow Flink's LogicalTypeRoot where they differ from SQL spelling.
 */

/** Largest length of CHAR/VARCHAR/BINARY/VARBINARY; VARCHAR of this length is `STRING`. */
export const MAX_LENGTH = 2147483647;
/** Largest DECIMAL precision. */
export const MAX_DECIMAL_PRECISION = 38;

/** Time attribute marker carried by TIMESTAMP / TIMESTAMP_LTZ columns. */
export type TimeAttribute = 'rowtime' | 'proctime';

/** Resolution of an INTERVAL YEAR TO MONTH type. */
export type YearMonthResolution = 'YEAR' | 'YEAR_TO_MONTH' | 'MONTH';
/** Resolution of an INTERVAL DAY TO SECOND type. */
export type DayTimeResolution =
  | 'DAY' | 'DAY_TO_HOUR' | 'DAY_TO_MINUTE' | 'DAY_TO_SECOND'
  | 'HOUR' | 'HOUR_TO_MINUTE' | 'HOUR_TO_SECOND'
  | 'MINUTE' | 'MINUTE_TO_SECOND' | 'SECOND';

interface Base { readonly nullable: boolean }

export interface CharType extends Base { readonly kind: 'CHAR'; readonly length: number }
export interface VarCharType extends Base { readonly kind: 'VARCHAR'; readonly length: number }
export interface BooleanType extends Base { readonly kind: 'BOOLEAN' }
export interface BinaryType extends Base { readonly kind: 'BINARY'; readonly length: number }
export interface VarBinaryType extends Base { readonly kind: 'VARBINARY'; readonly length: number }
export interface DecimalType extends Base { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
export interface TinyIntType extends Base { readonly kind: 'TINYINT' }
export interface SmallIntType extends Base { readonly kind: 'SMALLINT' }
export interface IntegerType extends Base { readonly kind: 'INTEGER' }
export interface BigIntType extends Base { readonly kind: 'BIGINT' }
export interface FloatType extends Base { readonly kind: 'FLOAT' }
export interface DoubleType extends Base { readonly kind: 'DOUBLE' }
export interface DateType extends Base { readonly kind: 'DATE' }
export interface TimeType extends Base { readonly kind: 'TIME'; readonly precision: number }
export interface TimestampType extends Base {
  readonly kind: 'TIMESTAMP'; readonly precision: number; readonly timeAttribute?: TimeAttribute;
}
export interface TimestampLtzType extends Base {
  readonly kind: 'TIMESTAMP_LTZ'; readonly precision: number; readonly timeAttribute?: TimeAttribute;
}
export interface YearMonthIntervalType extends Base {
  readonly kind: 'INTERVAL_YEAR_MONTH'; readonly resolution: YearMonthResolution; readonly yearPrecision: number;
}
export interface DayTimeIntervalType extends Base {
  readonly kind: 'INTERVAL_DAY_TIME'; readonly resolution: DayTimeResolution;
  readonly dayPrecision: number; readonly fractionalPrecision: number;
}
export interface ArrayType extends Base { readonly kind: 'ARRAY'; readonly element: LogicalType }
export interface MultisetType extends Base { readonly kind: 'MULTISET'; readonly element: LogicalType }
export interface MapType extends Base { readonly kind: 'MAP'; readonly key: LogicalType; readonly value: LogicalType }
/** One field of a ROW type. */
export interface RowField { readonly name: string; readonly type: LogicalType; readonly description?: string }
export interface RowType extends Base { readonly kind: 'ROW'; readonly fields: readonly RowField[] }
/** The type of an untyped NULL literal; always nullable. */
export interface NullType extends Base { readonly kind: 'NULL' }

/** A Flink logical type. */
export type LogicalType =
  | CharType | VarCharType | BooleanType | BinaryType | VarBinaryType | DecimalType
  | TinyIntType | SmallIntType | IntegerType | BigIntType | FloatType | DoubleType
  | DateType | TimeType | TimestampType | TimestampLtzType
  | YearMonthIntervalType | DayTimeIntervalType
  | ArrayType | MultisetType | MapType | RowType | NullType;

/** The `kind` tag of a logical type. */
export type TypeKind = LogicalType['kind'];
