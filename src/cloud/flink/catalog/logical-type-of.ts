/**
 * The parser's DataType AST → a Flink LogicalType, with Flink's defaults for omitted parameters
 * (CHAR/VARCHAR/BINARY/VARBINARY(1), DECIMAL(10, 0), TIME(0), TIMESTAMP(6), INTERVAL precisions).
 * Lives here because CREATE / ALTER TABLE need it first; the binder may reuse it through the door.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { assertNever, errorDiag } from '../../../shared/index.js';
import type { DataType, IntervalQualifier } from '../sql/index.js';
import type { DayTimeResolution, LogicalType, RowField } from '../types/index.js';
import {
  arrayType, bigintType, binaryType, booleanType, bytesType, charType, dateType, dayTimeIntervalType, decimalType, doubleType,
  floatType, intType, mapType, multisetType, nullType, rowType, smallintType, stringType, timestampLtzType, timestampType,
  timeType, tinyintType, varbinaryType, varcharType, yearMonthIntervalType,
} from '../types/index.js';

/** Converts a parsed data type; RAW, VARIANT and DESCRIPTOR column types are refused. */
export function logicalTypeOf(t: DataType): Outcome<LogicalType> {
  const diags: Diagnostic[] = [];
  const out = convert(t, diags);
  return diags.length > 0 ? { diagnostics: diags } : { value: out, diagnostics: [] };
}

function convert(t: DataType, diags: Diagnostic[]): LogicalType {
  const o = { nullable: t.nullable };
  switch (t.kind) {
    case 'CollectionType': return t.name === 'ARRAY' ? arrayType(convert(t.element, diags), o) : multisetType(convert(t.element, diags), o);
    case 'MapType': return mapType(convert(t.key, diags), convert(t.value, diags), o);
    case 'RowType': return rowType(t.fields.map((f): RowField => {
      const type = convert(f.type, diags);
      return f.comment === undefined ? { name: f.name, type } : { name: f.name, type, description: f.comment };
    }), o);
    case 'IntervalType': return interval(t.qualifier, t.nullable, diags);
    case 'AtomicType': {
      const p = t.params;
      switch (t.name) {
        case 'BOOLEAN': return booleanType(o);
        case 'TINYINT': return tinyintType(o);
        case 'SMALLINT': return smallintType(o);
        case 'INT': return intType(o);
        case 'BIGINT': return bigintType(o);
        case 'FLOAT': return floatType(o);
        case 'DOUBLE': return doubleType(o);
        case 'DATE': return dateType(o);
        case 'STRING': return stringType(o);
        case 'BYTES': return bytesType(o);
        case 'CHAR': return charType(p[0] ?? 1, o);
        case 'VARCHAR': return varcharType(p[0] ?? 1, o);
        case 'BINARY': return binaryType(p[0] ?? 1, o);
        case 'VARBINARY': return varbinaryType(p[0] ?? 1, o);
        case 'DECIMAL': return decimalType(p[0] ?? 10, p[1] ?? 0, o);
        case 'TIME': return timeType(p[0] ?? 0, o);
        case 'TIMESTAMP': return timestampType(p[0] ?? 6, o);
        case 'TIMESTAMP_LTZ': return timestampLtzType(p[0] ?? 6, o);
        case 'NULL': return nullType();
        default:
          diags.push(errorDiag('flink-unsupported-type', `The data type ${t.name} is not supported for table columns.`));
          return bytesType(o);
      }
    }
    default: return assertNever(t, 'data type');
  }
}

function interval(q: IntervalQualifier, nullable: boolean, diags: Diagnostic[]): LogicalType {
  const o = { nullable };
  if (q.start === 'YEAR') return yearMonthIntervalType(q.end === 'MONTH' ? 'YEAR_TO_MONTH' : 'YEAR', q.startPrecision ?? 2, o);
  if (q.start === 'MONTH' && q.end === undefined) return yearMonthIntervalType('MONTH', 2, o);
  const res = q.end === undefined ? q.start : `${q.start}_TO_${q.end}`;
  const valid: readonly string[] = ['DAY', 'DAY_TO_HOUR', 'DAY_TO_MINUTE', 'DAY_TO_SECOND', 'HOUR', 'HOUR_TO_MINUTE', 'HOUR_TO_SECOND', 'MINUTE', 'MINUTE_TO_SECOND', 'SECOND'];
  if (!valid.includes(res)) {
    diags.push(errorDiag('flink-unsupported-type', `The interval type INTERVAL ${res.replace(/_/g, ' ')} is not supported.`));
    return dayTimeIntervalType('DAY_TO_SECOND', 2, 6, o);
  }
  const seconds = res === 'SECOND' ? q.startPrecision : q.fractionalPrecision;
  return dayTimeIntervalType(res as DayTimeResolution, res.startsWith('DAY') ? q.startPrecision ?? 2 : 2, seconds ?? 6, o);
}
