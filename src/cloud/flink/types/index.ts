/**
 * flink/types: Flink SQL logical types (printing, DataType JSON, equality, common types, cast
 * rules), the runtime value representation (values.ts), CAST/TRY_CAST and value rendering.
 * Depends only on src/shared; everything in the Flink SQL path may depend on it.
 */
export type {
  LogicalType, TypeKind, TimeAttribute, RowField, YearMonthResolution, DayTimeResolution,
  CharType, VarCharType, BooleanType, BinaryType, VarBinaryType, DecimalType, TinyIntType, SmallIntType,
  IntegerType, BigIntType, FloatType, DoubleType, DateType, TimeType, TimestampType, TimestampLtzType,
  YearMonthIntervalType, DayTimeIntervalType, ArrayType, MultisetType, MapType, RowType, NullType,
} from './types.js';
export { MAX_LENGTH, MAX_DECIMAL_PRECISION } from './types.js';
export * from './type-constructors.js';
export { ARGUMENT_FREE_AGGREGATES, aggregateResultTypeOf } from './aggregate-types.js';
export { printType, quoteIdentifier, type TypeStyle } from './type-print.js';
export { toDataTypeJson, fromDataTypeJson, type DataTypeJson, type DataTypeFieldJson } from './type-json.js';
export * from './type-families.js';
export {
  leastRestrictive, canImplicitCast, supportsExplicitCast, explicitCastError, adjustDecimal, asDecimal,
  decimalAddType, decimalMultiplyType, decimalDivideType, decimalModType, decimalRoundType,
} from './type-rules.js';
export * from './values.js';
export * from './decimal.js';
export * from './datetime.js';
export { zoneOffsetAt, instantToLocal, localToInstant, isValidTimeZone } from './time-zone.js';
export { formatDouble, formatFloat } from './number-format.js';
export { SqlRuntimeError, type SqlRuntimeErrorCode } from './sql-runtime-error.js';
export {
  compileComparator, compileEquals, compareBytes, toDoubleReader, toScaledBigint, type Comparator,
} from './value-compare.js';
export {
  compileToString, compileFormatter, formatValue, formatYearMonth, formatDayTime,
  type FormatOptions, type FormattedValue,
} from './value-format.js';
export { compileCast, castValue, castFailure, type CastFn, type CastOptions } from './casts.js';
export {
  numericLiteral, stringLiteral, dateLiteral, timeLiteral, timestampLiteral, intervalLiteral, type TypedLiteral,
} from './literals.js';
export { compileValueEncoder, compileRowKey } from './value-key.js';
