/** Type families and equality: the small predicates every rule and function signature uses. */
import type { LogicalType, TypeKind } from './types.js';

const INTEGER_KINDS: ReadonlySet<TypeKind> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
const NUMERIC_KINDS: ReadonlySet<TypeKind> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE']);

/** TINYINT, SMALLINT, INT, BIGINT. */
export function isIntegerType(t: LogicalType): boolean { return INTEGER_KINDS.has(t.kind); }
/** Integers represented as JS numbers (TINYINT, SMALLINT, INT). */
export function isSmallIntegerType(t: LogicalType): boolean { return t.kind === 'TINYINT' || t.kind === 'SMALLINT' || t.kind === 'INTEGER'; }
/** Exact and approximate numerics. */
export function isNumericType(t: LogicalType): boolean { return NUMERIC_KINDS.has(t.kind); }
/** Integers and DECIMAL. */
export function isExactNumericType(t: LogicalType): boolean { return INTEGER_KINDS.has(t.kind) || t.kind === 'DECIMAL'; }
/** FLOAT and DOUBLE. */
export function isApproxNumericType(t: LogicalType): boolean { return t.kind === 'FLOAT' || t.kind === 'DOUBLE'; }
/** CHAR and VARCHAR. */
export function isCharacterType(t: LogicalType): boolean { return t.kind === 'CHAR' || t.kind === 'VARCHAR'; }
/** BINARY and VARBINARY. */
export function isBinaryType(t: LogicalType): boolean { return t.kind === 'BINARY' || t.kind === 'VARBINARY'; }
/** TIMESTAMP and TIMESTAMP_LTZ. */
export function isTimestampType(t: LogicalType): boolean { return t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ'; }
/** DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ. */
export function isDatetimeType(t: LogicalType): boolean { return t.kind === 'DATE' || t.kind === 'TIME' || isTimestampType(t); }
/** INTERVAL types. */
export function isIntervalType(t: LogicalType): boolean { return t.kind === 'INTERVAL_YEAR_MONTH' || t.kind === 'INTERVAL_DAY_TIME'; }
/** ARRAY, MULTISET, MAP, ROW. */
export function isCompositeType(t: LogicalType): boolean {
  return t.kind === 'ARRAY' || t.kind === 'MULTISET' || t.kind === 'MAP' || t.kind === 'ROW';
}
/** True when the type has a rowtime or proctime marker. */
export function isTimeAttribute(t: LogicalType): boolean { return isTimestampType(t) && (t as { timeAttribute?: string }).timeAttribute !== undefined; }
/** True for the rowtime marker. */
export function isRowtimeAttribute(t: LogicalType): boolean { return isTimestampType(t) && (t as { timeAttribute?: string }).timeAttribute === 'rowtime'; }
/** True for the proctime marker. */
export function isProctimeAttribute(t: LogicalType): boolean { return isTimestampType(t) && (t as { timeAttribute?: string }).timeAttribute === 'proctime'; }

/** Number of decimal digits an integer type needs (Flink's DECIMAL equivalent of integers). */
export function integerDigits(t: LogicalType): number {
  switch (t.kind) {
    case 'TINYINT': return 3;
    case 'SMALLINT': return 5;
    case 'INTEGER': return 10;
    case 'BIGINT': return 19;
    default: return 0;
  }
}

/** Structural equality; `ignoreNullability` compares the types as if all were nullable. */
export function typesEqual(a: LogicalType, b: LogicalType, opts: { ignoreNullability?: boolean; ignoreTimeAttribute?: boolean } = {}): boolean {
  if (a.kind !== b.kind) return false;
  if (!opts.ignoreNullability && a.nullable !== b.nullable) return false;
  switch (a.kind) {
    case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY':
      return a.length === (b as typeof a).length;
    case 'DECIMAL': return a.precision === (b as typeof a).precision && a.scale === (b as typeof a).scale;
    case 'TIME': return a.precision === (b as typeof a).precision;
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const bb = b as typeof a;
      return a.precision === bb.precision && (opts.ignoreTimeAttribute === true || a.timeAttribute === bb.timeAttribute);
    }
    case 'INTERVAL_YEAR_MONTH': {
      const bb = b as typeof a;
      return a.resolution === bb.resolution && a.yearPrecision === bb.yearPrecision;
    }
    case 'INTERVAL_DAY_TIME': {
      const bb = b as typeof a;
      return a.resolution === bb.resolution && a.dayPrecision === bb.dayPrecision && a.fractionalPrecision === bb.fractionalPrecision;
    }
    case 'ARRAY': case 'MULTISET': return typesEqual(a.element, (b as typeof a).element, opts);
    case 'MAP': {
      const bb = b as typeof a;
      return typesEqual(a.key, bb.key, opts) && typesEqual(a.value, bb.value, opts);
    }
    case 'ROW': {
      const bb = b as typeof a;
      return a.fields.length === bb.fields.length && a.fields.every((f, i) => {
        const g = bb.fields[i];
        return g !== undefined && f.name === g.name && typesEqual(f.type, g.type, opts);
      });
    }
    default: return true;
  }
}
