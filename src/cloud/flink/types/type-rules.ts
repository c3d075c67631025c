/**
 * Flink's type-merging and casting rules: least-restrictive common type (UNION, CASE, COALESCE,
 * IN lists), implicit casts (function arguments, INSERT), explicit CAST support, and the DECIMAL
 * result types of arithmetic (LogicalTypeMerging: precision capped at 38, at least scale 6 kept).
 */
import type { DecimalType, LogicalType, RowField } from './types.js';
import { MAX_DECIMAL_PRECISION } from './types.js';
import {
  integerDigits, isApproxNumericType, isBinaryType, isCharacterType, isExactNumericType, isIntegerType,
  isIntervalType, isNumericType, isTimestampType, typesEqual,
} from './type-families.js';
import { withNullable, withoutTimeAttribute } from './type-constructors.js';

const INTEGER_RANK: Readonly<Record<string, number>> = { TINYINT: 1, SMALLINT: 2, INTEGER: 3, BIGINT: 4 };

/** Flink's precision/scale adjustment when a DECIMAL result would exceed 38 digits. */
export function adjustDecimal(precision: number, scale: number, nullable = true): DecimalType {
  if (precision <= MAX_DECIMAL_PRECISION) return { kind: 'DECIMAL', precision, scale, nullable };
  const digits = precision - scale;
  const minScale = Math.min(scale, 6);
  return { kind: 'DECIMAL', precision: MAX_DECIMAL_PRECISION, scale: Math.max(MAX_DECIMAL_PRECISION - digits, minScale), nullable };
}

/** Views an exact numeric type as DECIMAL (INT = DECIMAL(10, 0), BIGINT = DECIMAL(19, 0)…). */
export function asDecimal(t: LogicalType): DecimalType {
  if (t.kind === 'DECIMAL') return t;
  return { kind: 'DECIMAL', precision: integerDigits(t), scale: 0, nullable: t.nullable };
}

/** Result type of DECIMAL + / - DECIMAL. */
export function decimalAddType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  return adjustDecimal(Math.max(a.precision - a.scale, b.precision - b.scale) + scale + 1, scale, a.nullable || b.nullable);
}
/** Result type of DECIMAL * DECIMAL. */
export function decimalMultiplyType(a: DecimalType, b: DecimalType): DecimalType {
  return adjustDecimal(a.precision + b.precision + 1, a.scale + b.scale, a.nullable || b.nullable);
}
/** Result type of DECIMAL / DECIMAL. */
export function decimalDivideType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(6, a.scale + b.precision + 1);
  return adjustDecimal(a.precision - a.scale + b.scale + scale, scale, a.nullable || b.nullable);
}
/** Result type of DECIMAL % DECIMAL. */
export function decimalModType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  return adjustDecimal(Math.min(a.precision - a.scale, b.precision - b.scale) + scale, scale, a.nullable || b.nullable);
}
/** Result type of ROUND/TRUNCATE(DECIMAL(p, s), r). */
export function decimalRoundType(a: DecimalType, r: number): DecimalType {
  if (r >= a.scale) return a;
  if (r < 0) return { kind: 'DECIMAL', precision: Math.min(MAX_DECIMAL_PRECISION, 1 + a.precision - a.scale), scale: 0, nullable: a.nullable };
  return { kind: 'DECIMAL', precision: Math.min(MAX_DECIMAL_PRECISION, 1 + a.precision - a.scale + r), scale: r, nullable: a.nullable };
}

/**
 * Least-restrictive common type of several types, or undefined when there is none (e.g. INT
 * and STRING: Flink does not unify strings with numbers).
 */
export function leastRestrictive(types: readonly LogicalType[]): LogicalType | undefined {
  const nonNull = types.filter((t) => t.kind !== 'NULL').map(withoutTimeAttribute);
  const nullable = types.some((t) => t.nullable);
  const first = nonNull[0];
  if (first === undefined) return types[0];
  let acc: LogicalType = first;
  for (let i = 1; i < nonNull.length; i++) {
    const next = merge(acc, nonNull[i] as LogicalType);
    if (next === undefined) return undefined;
    acc = next;
  }
  return withNullable(acc, nullable);
}

function merge(a: LogicalType, b: LogicalType): LogicalType | undefined {
  const nullable = a.nullable || b.nullable;
  if (typesEqual(a, b, { ignoreNullability: true })) return withNullable(a, nullable);
  if (isCharacterType(a) && isCharacterType(b)) {
    const la = (a as { length: number }).length;
    const lb = (b as { length: number }).length;
    if (a.kind === 'CHAR' && b.kind === 'CHAR' && la === lb) return withNullable(a, nullable);
    return { kind: 'VARCHAR', length: Math.max(la, lb), nullable };
  }
  if (isBinaryType(a) && isBinaryType(b)) {
    const la = (a as { length: number }).length;
    const lb = (b as { length: number }).length;
    if (a.kind === 'BINARY' && b.kind === 'BINARY' && la === lb) return withNullable(a, nullable);
    return { kind: 'VARBINARY', length: Math.max(la, lb), nullable };
  }
  if (isNumericType(a) && isNumericType(b)) return mergeNumeric(a, b, nullable);
  if (isTimestampType(a) && isTimestampType(b)) {
    const p = Math.max((a as { precision: number }).precision, (b as { precision: number }).precision);
    return { kind: a.kind === 'TIMESTAMP_LTZ' || b.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: p, nullable };
  }
  if ((a.kind === 'DATE' && isTimestampType(b)) || (b.kind === 'DATE' && isTimestampType(a))) {
    return withNullable(a.kind === 'DATE' ? b : a, nullable);
  }
  if (a.kind === 'TIME' && b.kind === 'TIME') return { kind: 'TIME', precision: Math.max(a.precision, b.precision), nullable };
  if (a.kind === 'INTERVAL_DAY_TIME' && b.kind === 'INTERVAL_DAY_TIME') return withNullable(a, nullable);
  if (a.kind === 'INTERVAL_YEAR_MONTH' && b.kind === 'INTERVAL_YEAR_MONTH') return withNullable(a, nullable);
  if ((a.kind === 'ARRAY' || a.kind === 'MULTISET') && a.kind === b.kind) {
    const e = leastRestrictive([a.element, (b as typeof a).element]);
    return e === undefined ? undefined : { kind: a.kind, element: e, nullable };
  }
  if (a.kind === 'MAP' && b.kind === 'MAP') {
    const k = leastRestrictive([a.key, b.key]);
    const v = leastRestrictive([a.value, b.value]);
    return k === undefined || v === undefined ? undefined : { kind: 'MAP', key: k, value: v, nullable };
  }
  if (a.kind === 'ROW' && b.kind === 'ROW' && a.fields.length === b.fields.length) {
    const fields: RowField[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i] as RowField;
      const fb = b.fields[i] as RowField;
      const t = leastRestrictive([fa.type, fb.type]);
      if (t === undefined) return undefined;
      fields.push({ name: fa.name, type: t });
    }
    return { kind: 'ROW', fields, nullable };
  }
  return undefined;
}

function mergeNumeric(a: LogicalType, b: LogicalType, nullable: boolean): LogicalType {
  if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE') return { kind: 'DOUBLE', nullable };
  if (a.kind === 'FLOAT' || b.kind === 'FLOAT') {
    const other = a.kind === 'FLOAT' ? b : a;
    return other.kind === 'DECIMAL' ? { kind: 'DOUBLE', nullable } : { kind: 'FLOAT', nullable };
  }
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    const da = asDecimal(a);
    const db = asDecimal(b);
    const scale = Math.max(da.scale, db.scale);
    const digits = Math.max(da.precision - da.scale, db.precision - db.scale);
    return adjustDecimal(digits + scale, scale, nullable);
  }
  const ra = INTEGER_RANK[a.kind] ?? 0;
  const rb = INTEGER_RANK[b.kind] ?? 0;
  return withNullable(ra >= rb ? a : b, nullable);
}

/** Whether Flink casts `from` to `to` implicitly (function arguments, INSERT INTO columns). */
export function canImplicitCast(from: LogicalType, to: LogicalType): boolean {
  if (from.kind === 'NULL') return true;
  if (from.nullable && !to.nullable) return false;
  if (typesEqual(from, to, { ignoreNullability: true, ignoreTimeAttribute: true })) return true;
  if (isCharacterType(from) && isCharacterType(to)) return true;
  if (isBinaryType(from) && isBinaryType(to)) return true;
  if (isNumericType(from) && isNumericType(to)) {
    if (isApproxNumericType(from)) return to.kind === 'DOUBLE' || (from.kind === 'FLOAT' && to.kind === 'FLOAT');
    if (isApproxNumericType(to)) return true;
    if (to.kind === 'DECIMAL') {
      const d = asDecimal(from);
      return to.precision - to.scale >= d.precision - d.scale && to.scale >= d.scale;
    }
    if (from.kind === 'DECIMAL') return false;
    return (INTEGER_RANK[from.kind] ?? 0) <= (INTEGER_RANK[to.kind] ?? 0);
  }
  if (from.kind === 'DATE' && isTimestampType(to)) return true;
  if (isTimestampType(from) && isTimestampType(to)) return true;
  if (from.kind === 'TIME' && to.kind === 'TIME') return true;
  if (isIntervalType(from) && from.kind === to.kind) return true;
  if ((from.kind === 'ARRAY' || from.kind === 'MULTISET') && from.kind === to.kind) return canImplicitCast(from.element, (to as typeof from).element);
  if (from.kind === 'MAP' && to.kind === 'MAP') return canImplicitCast(from.key, to.key) && canImplicitCast(from.value, to.value);
  if (from.kind === 'ROW' && to.kind === 'ROW') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canImplicitCast(f.type, (to.fields[i] as RowField).type));
  }
  return false;
}

/**
 * Why an explicit CAST from `from` to `to` is rejected at bind time, or undefined when allowed.
 * Messages follow Flink's wording.
 */
export function explicitCastError(from: LogicalType, to: LogicalType): string | undefined {
  return supportsExplicitCast(from, to) ? undefined : castRejection(from, to);
}

/** Whether an explicit CAST is allowed between the two types. */
export function supportsExplicitCast(from: LogicalType, to: LogicalType): boolean {
  if (from.kind === 'NULL' || canImplicitCast(withNullable(from, true), withNullable(to, true))) return true;
  if (isCharacterType(to)) return true;
  if (isCharacterType(from)) {
    return to.kind === 'BOOLEAN' || isNumericType(to) || isBinaryType(to) || to.kind === 'DATE' || to.kind === 'TIME' || isTimestampType(to);
  }
  if (isNumericType(from) && isNumericType(to)) return true;
  if (from.kind === 'BOOLEAN') return isNumericType(to);
  if (to.kind === 'BOOLEAN') return isNumericType(from);
  if (isNumericType(from) && to.kind === 'TIMESTAMP_LTZ') return true;
  if (from.kind === 'TIMESTAMP_LTZ' && isNumericType(to)) return true;
  if (from.kind === 'DATE') return isTimestampType(to);
  if (from.kind === 'TIME') return isTimestampType(to) || to.kind === 'TIME';
  if (isTimestampType(from)) return to.kind === 'DATE' || to.kind === 'TIME' || isTimestampType(to);
  if (isIntervalType(from)) return isExactNumericType(to) && isIntegerType(to);
  if (isIntegerType(from) && isIntervalType(to)) return true;
  if (isBinaryType(from)) return isBinaryType(to);
  if ((from.kind === 'ARRAY' || from.kind === 'MULTISET') && from.kind === to.kind) return supportsExplicitCast(from.element, (to as typeof from).element);
  if (from.kind === 'MAP' && to.kind === 'MAP') return supportsExplicitCast(from.key, to.key) && supportsExplicitCast(from.value, to.value);
  if (from.kind === 'ROW' && to.kind === 'ROW') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => supportsExplicitCast(f.type, (to.fields[i] as RowField).type));
  }
  return false;
}

function castRejection(from: LogicalType, to: LogicalType): string {
  if (isNumericType(from) && to.kind === 'TIMESTAMP') {
    return "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use "
      + 'TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.';
  }
  if (from.kind === 'TIMESTAMP' && isNumericType(to)) {
    return "The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use "
      + 'UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.';
  }
  return `Cast function cannot convert value of type ${sqlTypeName(from)} to type ${sqlTypeName(to)}`;
}

/** Calcite-style type name used in cast errors (INTEGER rather than INT). */
function sqlTypeName(t: LogicalType): string {
  switch (t.kind) {
    case 'VARCHAR': return `VARCHAR(${t.length})`;
    case 'CHAR': return `CHAR(${t.length})`;
    case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'TIMESTAMP': return `TIMESTAMP(${t.precision})`;
    case 'TIMESTAMP_LTZ': return `TIMESTAMP_WITH_LOCAL_TIME_ZONE(${t.precision})`;
    case 'INTERVAL_DAY_TIME': return 'INTERVAL DAY TO SECOND';
    case 'INTERVAL_YEAR_MONTH': return 'INTERVAL YEAR TO MONTH';
    case 'ARRAY': return `${sqlTypeName(t.element)} ARRAY`;
    case 'MAP': return `(${sqlTypeName(t.key)}, ${sqlTypeName(t.value)}) MAP`;
    case 'ROW': return `RecordType(${t.fields.map((f) => `${sqlTypeName(f.type)} ${f.name}`).join(', ')})`;
    default: return t.kind;
  }
}
