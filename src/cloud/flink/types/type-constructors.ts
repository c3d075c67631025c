/** Short constructors for logical types (nullable by default, like SQL). */
import type {
  ArrayType, BigIntType, BinaryType, BooleanType, CharType, DateType, DayTimeIntervalType, DayTimeResolution,
  DecimalType, DoubleType, FloatType, IntegerType, LogicalType, MapType, MultisetType, NullType, RowField, RowType,
  SmallIntType, TimeAttribute, TimestampLtzType, TimestampType, TimeType, TinyIntType, VarBinaryType, VarCharType,
  YearMonthIntervalType, YearMonthResolution,
} from './types.js';
import { MAX_LENGTH } from './types.js';

/** Options shared by all constructors. */
export interface Nullability { readonly nullable?: boolean }
const nn = (o?: Nullability): boolean => o?.nullable ?? true;

/** CHAR(n). */
export function charType(length = 1, o?: Nullability): CharType { return { kind: 'CHAR', length, nullable: nn(o) }; }
/** VARCHAR(n). */
export function varcharType(length = 1, o?: Nullability): VarCharType { return { kind: 'VARCHAR', length, nullable: nn(o) }; }
/** STRING = VARCHAR(2147483647). */
export function stringType(o?: Nullability): VarCharType { return varcharType(MAX_LENGTH, o); }
/** BOOLEAN. */
export function booleanType(o?: Nullability): BooleanType { return { kind: 'BOOLEAN', nullable: nn(o) }; }
/** BINARY(n). */
export function binaryType(length = 1, o?: Nullability): BinaryType { return { kind: 'BINARY', length, nullable: nn(o) }; }
/** VARBINARY(n). */
export function varbinaryType(length = 1, o?: Nullability): VarBinaryType { return { kind: 'VARBINARY', length, nullable: nn(o) }; }
/** BYTES = VARBINARY(2147483647). */
export function bytesType(o?: Nullability): VarBinaryType { return varbinaryType(MAX_LENGTH, o); }
/** DECIMAL(p, s); Flink's default is DECIMAL(10, 0). */
export function decimalType(precision = 10, scale = 0, o?: Nullability): DecimalType {
  return { kind: 'DECIMAL', precision, scale, nullable: nn(o) };
}
/** TINYINT. */
export function tinyintType(o?: Nullability): TinyIntType { return { kind: 'TINYINT', nullable: nn(o) }; }
/** SMALLINT. */
export function smallintType(o?: Nullability): SmallIntType { return { kind: 'SMALLINT', nullable: nn(o) }; }
/** INT. */
export function intType(o?: Nullability): IntegerType { return { kind: 'INTEGER', nullable: nn(o) }; }
/** BIGINT. */
export function bigintType(o?: Nullability): BigIntType { return { kind: 'BIGINT', nullable: nn(o) }; }
/** FLOAT. */
export function floatType(o?: Nullability): FloatType { return { kind: 'FLOAT', nullable: nn(o) }; }
/** DOUBLE. */
export function doubleType(o?: Nullability): DoubleType { return { kind: 'DOUBLE', nullable: nn(o) }; }
/** DATE. */
export function dateType(o?: Nullability): DateType { return { kind: 'DATE', nullable: nn(o) }; }
/** TIME(p); Flink's default precision is 0. */
export function timeType(precision = 0, o?: Nullability): TimeType { return { kind: 'TIME', precision, nullable: nn(o) }; }
/** TIMESTAMP(p); default precision 6. */
export function timestampType(precision = 6, o?: Nullability & { timeAttribute?: TimeAttribute }): TimestampType {
  const t: TimestampType = { kind: 'TIMESTAMP', precision, nullable: nn(o) };
  return o?.timeAttribute ? { ...t, timeAttribute: o.timeAttribute } : t;
}
/** TIMESTAMP_LTZ(p) = TIMESTAMP(p) WITH LOCAL TIME ZONE; default precision 6. */
export function timestampLtzType(precision = 6, o?: Nullability & { timeAttribute?: TimeAttribute }): TimestampLtzType {
  const t: TimestampLtzType = { kind: 'TIMESTAMP_LTZ', precision, nullable: nn(o) };
  return o?.timeAttribute ? { ...t, timeAttribute: o.timeAttribute } : t;
}
/** INTERVAL YEAR TO MONTH family; default INTERVAL YEAR(2) TO MONTH. */
export function yearMonthIntervalType(resolution: YearMonthResolution = 'YEAR_TO_MONTH', yearPrecision = 2, o?: Nullability): YearMonthIntervalType {
  return { kind: 'INTERVAL_YEAR_MONTH', resolution, yearPrecision, nullable: nn(o) };
}
/** INTERVAL DAY TO SECOND family; default INTERVAL DAY(2) TO SECOND(6). */
export function dayTimeIntervalType(resolution: DayTimeResolution = 'DAY_TO_SECOND', dayPrecision = 2, fractionalPrecision = 6, o?: Nullability): DayTimeIntervalType {
  return { kind: 'INTERVAL_DAY_TIME', resolution, dayPrecision, fractionalPrecision, nullable: nn(o) };
}
/** ARRAY<T>. */
export function arrayType(element: LogicalType, o?: Nullability): ArrayType { return { kind: 'ARRAY', element, nullable: nn(o) }; }
/** MULTISET<T>. */
export function multisetType(element: LogicalType, o?: Nullability): MultisetType { return { kind: 'MULTISET', element, nullable: nn(o) }; }
/** MAP<K, V>. */
export function mapType(key: LogicalType, value: LogicalType, o?: Nullability): MapType { return { kind: 'MAP', key, value, nullable: nn(o) }; }
/** ROW<...>; fields given as [name, type] pairs or RowField objects. */
export function rowType(fields: readonly (RowField | readonly [string, LogicalType])[], o?: Nullability): RowType {
  return {
    kind: 'ROW', nullable: nn(o),
    fields: fields.map((f) => (Array.isArray(f) ? { name: f[0] as string, type: f[1] as LogicalType } : f as RowField)),
  };
}
/** The NULL type. */
export function nullType(): NullType { return { kind: 'NULL', nullable: true }; }

/** Returns the same type with the given nullability (identity when unchanged). */
export function withNullable<T extends LogicalType>(t: T, nullable: boolean): T {
  if (t.nullable === nullable || t.kind === 'NULL') return t;
  return { ...t, nullable };
}

/** Returns the type without its time-attribute marker (what an expression over a rowtime yields). */
export function withoutTimeAttribute(t: LogicalType): LogicalType {
  if ((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && t.timeAttribute !== undefined) {
    const { timeAttribute: _drop, ...rest } = t;
    return rest;
  }
  return t;
}
